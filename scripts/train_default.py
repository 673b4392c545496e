"""Train colorlab's shipped default model: a U-Net on the ImageNet-pretrained EfficientNet-Lite0 encoder (kept frozen),
with Zhang et al.'s classification head over 261 ab bins (class-rebalanced, annealed mean), on Imagenette and diverse/.

    python scripts/train_default.py --out runs/default --hours 1.5
    python scripts/train_default.py --out runs/l1 --head ab --epochs 1     # the L1 candidate it was compared with
    python scripts/train_default.py --out runs/default --decay-from 7 --decay-epochs 9 --epochs 16   # then anneal
    python scripts/train_default.py --out runs/stage2 --init runs/default/epoch7.pth --unfreeze --lr 1e-4 --decay-from 0 --decay-epochs 4 --epochs 4
    git show 0fa16f6:colorlab/weights/default.pth > previous.pth     # the one-headed bins default the two-headed one grew from
    python scripts/train_default.py --out runs/twohead --head both --only-ab --init previous.pth --lr 1e-3 --decay-from 0 --decay-epochs 10 --epochs 10
    python scripts/train_default.py --out runs/beside3 --head ab+bins --init runs/beside2/epoch6.pth --lr 1e-4 --decay-from 0 --decay-epochs 5 --epochs 5

The last: 'ab+bins' (bins beside the first default's regression, `--only-bins` first) then trained whole, the decoder
and both heads together (docs/results.md, "Tried and not shipped").

`--head both --only-ab --init SHIPPED` is issue 22's two-headed default: the shipped bins model's trunk and head, kept
exactly (weights and BatchNorm statistics), and a new regression head on the same features, trained with L1.

A second stage (`--init CHECKPOINT --unfreeze`) is a new run in its own `--out` folder that starts from an epoch of the
first and trains the encoder too (its first epoch loads the weights, later ones resume as usual).

The rate is `--lr` until epoch `--decay-from`, then falls along a cosine over `--decay-epochs` epochs (each epoch
trains at the cosine's value at its middle), so a constant-rate run can be continued into an annealed one.

It trains one epoch at a time (`scripts/epochs.py`: `colorlab.models.train`, resumed exactly from `last.pth`), keeps
every epoch's checkpoint as `epochN.pth` beside `steps.csv` and `history.csv`, and appends the wall time, photos seen
and photos/s of each epoch to `progress.csv`. It stops after `--epochs` epochs, or before an epoch that would end
after `--hours` (counted over the run's epochs, all calls together).
Run it again with the same `--out` to continue. Export the chosen epoch with `colorlab.inference.export_model`.
Data: `$COLORLAB_DATA/imagenette` and `$COLORLAB_DIVERSE` (default `../diverse`, built by
`../shared/data/build_diverse.sh`), or the folders given to `--data`.
"""
import argparse, math, os
from pathlib import Path
from colorlab.core import data_path
from colorlab.models import TrainConfig
from epochs import run_epochs

def epoch_lr(a, epoch:int) -> float:
    "The learning rate of `epoch` (counted from 1): constant, then a cosine from `--decay-from` on"
    if a.decay_from is None or epoch <= a.decay_from: return a.lr
    x = min(1., (epoch - a.decay_from - 0.5) / a.decay_epochs)
    return a.lr * 0.5 * (1 + math.cos(math.pi * x))

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', default='runs/default')
    p.add_argument('--data', nargs='+', default=None, help='photo folders (default: Imagenette and diverse/)')
    p.add_argument('--head', choices=['bins', 'ab', 'both', 'ab+bins'], default='bins')
    p.add_argument('--epochs', type=int, default=100, help='stop after this many epochs in all')
    p.add_argument('--hours', type=float, default=None, help='stop before an epoch that would end after this many hours')
    p.add_argument('--size', type=int, default=96)
    p.add_argument('--bs', type=int, default=32)
    p.add_argument('--lr', type=float, default=5e-4)
    p.add_argument('--max-valid', type=int, default=500)
    p.add_argument('--decay-from', type=int, default=None, help='the last epoch at the full rate; later ones anneal')
    p.add_argument('--decay-epochs', type=int, default=8, help='epochs over which the rate falls to zero')
    p.add_argument('--init', default=None, metavar='CHECKPOINT', help="a new run's first epoch starts from these weights (a second stage)")
    p.add_argument('--unfreeze', action='store_true', help="train the encoder too (default: kept frozen)")
    p.add_argument('--only-ab', action='store_true', help="with --head both: train the regression head alone")
    p.add_argument('--only-bins', action='store_true', help="with --head ab+bins: train the bins head alone")
    a = p.parse_args()
    data = a.data or [str(data_path('imagenette')), os.environ.get('COLORLAB_DIVERSE', '../diverse')]
    for d in data:
        if not Path(d).is_dir(): p.error(f"'{d}' is not a folder (build diverse/ with ../shared/data/build_diverse.sh)")
    out = Path(a.out)
    def config(epoch, rows):
        return TrainConfig(model='pix2pix', data=data, out=str(out), size=a.size, epochs=epoch, bs=a.bs, lr=epoch_lr(a, epoch),
                           max_valid=a.max_valid, resume=str(out/'last.pth') if rows else None,
                           init=None if rows else a.init,
                           model_args=dict(backbone='efficientnet_lite0', pretrained=True, gan=False, head=a.head,
                                           freeze_encoder=not a.unfreeze, **(dict(only_ab=True) if a.only_ab else {}),
                                           **(dict(only_bins=True) if a.only_bins else {})))
    run_epochs(config, out, a.epochs, a.hours)

if __name__ == '__main__': main()
