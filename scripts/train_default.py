"""Train the candidate for colorlab's shipped default model: pix2pix on an ImageNet-pretrained EfficientNet-Lite0 U-Net.

    python scripts/train_default.py --stage l1 --epochs 6 --out runs/default          # stage 1: generator, L1 only
    python scripts/train_default.py --stage gan --epochs 7 --out runs/default         # stage 2: GAN fine-tuning, resumed

Stage 1 writes `runs/default/l1/last.pth`; stage 2 resumes from it (same optimisers, `gan=True`) into
`runs/default/gan/last.pth` and trains until `--epochs` epochs in all. The data is Imagenette's training split
(`$COLORLAB_DATA/imagenette`, validation on a fixed subset of its `val` split). Export the chosen checkpoint into the
package with `colorlab.inference.export_model`, after `colorlab evaluate` has compared it with the current default.
"""
import argparse
from pathlib import Path
from colorlab.core import data_path
from colorlab.models import TrainConfig, train

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--stage', choices=['l1', 'gan'], required=True)
    p.add_argument('--epochs', type=int, required=True, help='train until this many epochs in all (both stages)')
    p.add_argument('--out', default='runs/default')
    p.add_argument('--data', default=str(data_path('imagenette')))
    p.add_argument('--size', type=int, default=128)
    p.add_argument('--bs', type=int, default=32)
    p.add_argument('--lr', type=float, default=None, help='default: 5e-4 for l1, 2e-4 for gan')
    p.add_argument('--max-valid', type=int, default=500)
    a = p.parse_args()
    out = Path(a.out)
    gan = a.stage == 'gan'
    cfg = TrainConfig(model='pix2pix', data=a.data, out=str(out/a.stage), size=a.size, epochs=a.epochs, bs=a.bs,
                      lr=a.lr or (2e-4 if gan else 5e-4), max_valid=a.max_valid,
                      resume=str(out/'l1'/'last.pth') if gan else None,
                      model_args=dict(backbone='efficientnet_lite0', pretrained=True, gan=gan))
    model, res = train(cfg)
    print(res)

if __name__ == '__main__': main()
