"""Train the course's five colorizers for longer than a lesson can, each on a fixed time budget, and export each for
`colorlab colorize --model NAME` and for the lessons' "Trained for longer" sections (issue 21).

    COLORLAB_DATA=../shared/data python scripts/train_lessons.py --out runs/lessons --minutes 40
    python scripts/train_lessons.py --out runs/lessons --models baseline,zhang --minutes 40   # some of them
    python scripts/train_lessons.py --out runs/lessons --export colorlab/weights               # then ship them

Each model trains in its own folder, `runs/lessons/NAME` (pix2pix in two: `pix2pix_l1`, L1 pre-training for the first
half of its budget, then `pix2pix`, the GAN stage started from it with `--init`), one epoch at a time
(`scripts/epochs.py`: a checkpoint every epoch, `progress.csv`); an epoch that would end past the model's budget is
not started, and the same command continues an interrupted run. On a 2-core CPU an epoch must stay under 15 minutes
(a checkpoint at least that often): `--max-photos` trains on a seeded subset of the photos (the same every epoch). Data: `$COLORLAB_DATA/imagenette` and
`$COLORLAB_DIVERSE` (default `../diverse`, built by `../shared/data/build_diverse.sh`), or the folders of `--data`.

`--export DIR` writes `DIR/NAME.pth` for each trained model (float16, what inference needs) with its recipe, data,
budget, photos seen and hours in its metadata, and its Kodak24 and BSDS500-val scores (PSNR, LPIPS, colourfulness
ratio at full resolution) when `--score` is given. `--table` prints what the shipped files say, as a Markdown table.

The shipped pix2pix is not the GAN stage's last epoch as it is: its weights lie between the two stages (ESRGAN's
network interpolation), at the alpha that `scripts/choose_alpha.py` chose by its rule, which also exports it:

    python scripts/choose_alpha.py runs/lessons/pix2pix_l1/epoch3.pth runs/lessons/pix2pix/last.pth \
        --unlike ../mcmaster18 --write colorlab/weights/pix2pix.pth
"""
import argparse, json, os
from pathlib import Path
from colorlab.core import data_path
from colorlab.evaluate import LESSONS
from colorlab.models import TrainConfig
from epochs import progress, run_epochs

# What each lesson model is: its options, size, batch, rate, and the sentence that describes it in its metadata
RECIPES = {
    'baseline': dict(args=dict(nf=32), size=96, bs=32, lr=1e-3,
                     about="04_baseline's regression CNN, MSE on ab"),
    'zhang': dict(args=dict(nf=24), size=96, bs=32, lr=1e-3,
                  about="05_zhang's network: classification over Zhang et al.'s ab bins, class-rebalanced, annealed mean"),
    'labgan': dict(args=dict(nf=32), size=96, bs=32, lr=2e-4,
                   about="06_labgan's generator and critic in Lab space (MSE plus an adversarial loss)"),
    'pix2pix_l1': dict(model='pix2pix', args=dict(backbone='efficientnet_lite0', pretrained=True, gan=False), size=96, bs=32,
                       lr=5e-4, share=0.5, about="07_pix2pix's U-Net on EfficientNet-Lite0 (ImageNet weights), L1 pre-training"),
    'pix2pix': dict(args=dict(backbone='efficientnet_lite0', pretrained=True, gan=True), size=96, bs=32, lr=2e-4, share=0.5,
                    init='pix2pix_l1', about="07_pix2pix's U-Net on EfficientNet-Lite0, L1 pre-trained, then L1 plus a 70x70 PatchGAN"),
    'cyclegan': dict(args=dict(nf=32), size=96, bs=16, lr=2e-4,
                     about="08_cyclegan: two generators and two critics on unpaired collections (old-film grays and colour photos)"),
}

def runs_of(name:str) -> list[str]:
    "The run folders that make the model `name` (pix2pix: its L1 stage first)"
    return ['pix2pix_l1', 'pix2pix'] if name == 'pix2pix' else [name]

def train_one(run:str, root:Path, data:list, minutes:float, max_photos, seed:int):
    "Train the run `run` of `RECIPES` on its share of `minutes`"
    r, out = RECIPES[run], root/run
    init = str(root/r['init']/'last.pth') if 'init' in r else None
    if init and not Path(init).is_file(): raise SystemExit(f"{run} starts from {init}: train {r['init']} first")
    def config(epoch, rows):
        return TrainConfig(model=r.get('model', run), data=data, out=str(out), size=r['size'], epochs=epoch, bs=r['bs'],
                           lr=r['lr'], seed=seed, max_train=max_photos, max_valid=200,
                           resume=str(out/'last.pth') if rows else None, init=None if rows else init,
                           model_args=dict(r['args']))
    return run_epochs(config, out, epochs=10_000, hours=minutes * r.get('share', 1.) / 60)

def scores(path:Path) -> dict:
    "PSNR, LPIPS and colourfulness ratio of a model file on Kodak24 and BSDS500-val at full resolution"
    from colorlab.evaluate import evaluate
    from colorlab.inference import Colorizer
    from colorlab.metrics import lpips_model
    net, model, res = lpips_model(), Colorizer.from_checkpoint(path), {}
    for ds in ('kodak24', 'bsds500-val'):
        ev = evaluate({'m': model}, data_path(ds), lpips_net=net, verbose=False)
        m = ev.ok[['psnr', 'lpips', 'colorfulness_ratio']].mean()
        res[ds] = {'photos': int(len(ev.ok)), 'psnr': round(float(m.psnr), 2), 'lpips': round(float(m.lpips), 3),
                   'colourfulness_ratio': round(float(m.colorfulness_ratio), 2)}
    return res

def export_one(name:str, root:Path, dest:Path, data:list, minutes:float, score:bool) -> Path:
    "Write `dest/NAME.pth` from the last epoch of `name`'s run, with what made it in its metadata"
    from colorlab.inference import export_model
    rows = [row for run in runs_of(name) for row in progress(root/run)]
    if not rows: raise SystemExit(f"{name}: nothing trained in {root/runs_of(name)[-1]}")
    hours, photos = sum(float(x['seconds']) for x in rows) / 3600, sum(int(x['photos']) for x in rows)
    r = RECIPES[name]
    subset = json.loads((root/name/'config.json').read_text()).get('max_train')  # --max-photos of the run
    path = export_model(root/name/'last.pth', dest/f'{name}.pth',
        description=r['about'], data=', '.join(Path(d).name + '/' for d in data) + " (training splits"
             + (f"; the same seeded {subset:,} photos every epoch" if subset else '') + f"); random-resized crops of {r['size']} px",
        training=f"scripts/train_lessons.py: {len(rows)} epochs, {photos:,} photos, {hours:.2f} h ({photos / hours / 3600:.1f} photos/s)",
        budget=f'{minutes:g} minutes', recipe=', '.join(f"{run}: {RECIPES[run]}" for run in runs_of(name)))
    if score:  # beside the validation loss of the training run
        from colorlab.train import read_checkpoint
        path = export_model(path, path, valid={**read_checkpoint(path)['meta'].get('valid', {}), **scores(path)})
    return path

def table(names:list) -> str:
    "A Markdown table of the shipped lesson models: training, file size and the scores in their metadata"
    from colorlab.inference import weights_path
    from colorlab.train import read_checkpoint
    lines = ['| model | training | budget | file | Kodak24 PSNR / LPIPS / colourfulness | BSDS500-val PSNR / LPIPS / colourfulness |',
             '|---|---|---|---:|---|---|']
    for name in names:
        path = weights_path(name); meta = read_checkpoint(path)['meta']
        sc = lambda ds: ' / '.join(f"{meta['valid'][ds][k]:{f}}" for k, f in (('psnr', '.2f'), ('lpips', '.3f'), ('colourfulness_ratio', '.2f')))
        lines.append(f"| {name} | {meta['training'].split(': ', 1)[-1]} | {meta['budget']} | {path.stat().st_size / 1e6:.1f} MB | "
                     f"{sc('kodak24')} | {sc('bsds500-val')} |")
    return '\n'.join(lines)

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', default='runs/lessons')
    p.add_argument('--models', default=','.join(LESSONS), help=f"comma-separated, of {', '.join(LESSONS)}")
    p.add_argument('--minutes', type=float, default=40, help="each model's training budget (pix2pix: both stages together)")
    p.add_argument('--data', nargs='+', default=None, help='photo folders (default: Imagenette and diverse/)')
    p.add_argument('--max-photos', type=int, default=None, help='train on a seeded subset of this many photos (default: all)')
    p.add_argument('--seed', type=int, default=42)
    p.add_argument('--export', default=None, metavar='DIR', help='export the trained models into DIR instead of training')
    p.add_argument('--score', action='store_true', help='with --export: score each on Kodak24 and BSDS500-val into its metadata')
    p.add_argument('--table', action='store_true', help='print a Markdown table of the shipped models (training, size, scores) instead of training')
    a = p.parse_args()
    names = [m.strip() for m in a.models.split(',') if m.strip()]
    bad = [m for m in names if m not in LESSONS]
    if bad: p.error(f"unknown model(s) {', '.join(bad)}: choose among {', '.join(LESSONS)}")
    if a.table: return print(table(names))
    data = a.data or [str(data_path('imagenette')), os.environ.get('COLORLAB_DIVERSE', '../diverse')]
    for d in data:
        if not Path(d).is_dir(): p.error(f"'{d}' is not a folder (build diverse/ with ../shared/data/build_diverse.sh)")
    root = Path(a.out)
    for name in names:
        if a.export:
            print(export_one(name, root, Path(a.export), data, a.minutes, a.score), flush=True)
            if name == 'pix2pix': print('pix2pix: the GAN stage as it is; the shipped one is interpolated by scripts/choose_alpha.py (see above)')
            continue
        for run in runs_of(name): train_one(run, root, data, a.minutes, a.max_photos, a.seed)

if __name__ == '__main__': main()
