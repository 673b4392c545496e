"""The README's table of the default models: gray, the first default, the previous one and the shipped one, on Kodak24 and
BSDS500-val at full resolution, with PSNR, LPIPS, the colourfulness ratio, ΔCF, FID and KID (with n), and what an
ImageNet classifier still recognises (issue 22).

    COLORLAB_DATA=../shared/data python scripts/compare_defaults.py [--top1 500] [--write-meta]

- first default: `git show 4af8c84:colorlab/weights/default.pth` (L1 regression, the sepia one);
- previous default: `git show 0fa16f6:colorlab/weights/default.pth` (the one-headed bins model);
- default: the shipped `colorlab/weights/default.pth` (or `--new FILE`).
Kodak24 and BSDS500-val are scored in one `evaluate` call, so FID and KID are given for each set and for the two
together (124 photos). Top-1: EfficientNet-Lite2 on `--top1` seeded photos of Imagenette's validation split, gray,
colorized by each model, and the originals. `--write-meta` records the shipped model's numbers in its metadata.
Needs git (the earlier models come from the repository's history) and the metric weights (`colorlab download`).
"""
import argparse, json, random, subprocess, tempfile
from pathlib import Path
from colorlab.core import data_path
from colorlab.data import image_files
from colorlab.evaluate import GrayColorizer, evaluate, imagenette_top1
from colorlab.inference import Colorizer, export_model
from colorlab.metrics import inception_model, lite2_model, lpips_model
from colorlab.train import read_checkpoint

EARLIER = {'first default': '4af8c84', 'previous default': '0fa16f6'}

def from_history(commit:str) -> Path:
    "`colorlab/weights/default.pth` as it was at `commit`, in a temporary file"
    dest = Path(tempfile.gettempdir())/f'colorlab-default-{commit}.pth'
    if not dest.is_file():
        blob = subprocess.run(['git', 'show', f'{commit}:colorlab/weights/default.pth'], capture_output=True, check=True).stdout
        dest.write_bytes(blob)
    return dest

def both_sets() -> Path:
    "A folder holding links to Kodak24 and BSDS500-val, so one evaluation measures each and the two together"
    tmp = Path(tempfile.mkdtemp(prefix='kodak-bsds-'))
    for ds in ('kodak24', 'bsds500-val'): (tmp/ds).symlink_to(data_path(ds).resolve(), target_is_directory=True)
    return tmp

def table(ev, top1:dict) -> str:
    "Markdown: one row per model and set, then FID and KID on both sets together, and top-1"
    by, whole = ev.summary(by='group'), ev.summary()
    lines = ['| model | set | PSNR ↑ | LPIPS ↓ | colourfulness ratio →1 | ΔCF ↓ | FID ↓ (n) | KID ×10³ ↓ |', '|---|---|---:|---:|---:|---:|---:|---:|']
    for m in ev.models:
        for g in ('kodak24', 'bsds500-val'):
            r = by.loc[(m, g)]
            lines.append(f"| {m} | {g} | {r.psnr:.2f} | {r.lpips:.3f} | {r.colorfulness_ratio:.2f} | {r.delta_cf:.1f} | {r.fid:.1f} ({int(r.n)}) | {r.kid * 1e3:.2f} |")
        r = whole.loc[m]
        lines.append(f"| {m} | both | {r.psnr:.2f} | {r.lpips:.3f} | {r.colorfulness_ratio:.2f} | {r.delta_cf:.1f} | {r.fid:.1f} ({int(r.n)}) | {r.kid * 1e3:.2f} |")
    if top1:
        n = top1.pop('n')
        lines += ['', f'EfficientNet-Lite2 top-1 on {n} Imagenette validation photos: '
                  + ', '.join(f'{k} {v:.1%}' for k, v in top1.items())]
    return '\n'.join(lines)

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--new', default='colorlab/weights/default.pth')
    p.add_argument('--top1', type=int, default=500, help='Imagenette validation photos for top-1 (0: leave it out)')
    p.add_argument('--write-meta', action='store_true', help="record the new model's numbers in its metadata")
    p.add_argument('--json', default=None, help='also write the numbers here')
    p.add_argument('--no-detail', action='store_true', help="an 'ab+bins' model decoded as before decode_both's detail (detail=False)")
    a = p.parse_args()
    models = {'gray': GrayColorizer(), **{k: Colorizer.from_checkpoint(from_history(c)) for k, c in EARLIER.items()},
              'default': Colorizer.from_checkpoint(a.new)}
    if a.no_detail: models['default'].model.detail = False
    ev = evaluate(models, both_sets(), lpips_net=lpips_model(), inception=inception_model(None), verbose=True)
    top1 = {}
    if a.top1:
        val = sorted(f for d in sorted(data_path('imagenette', 'val').iterdir()) if d.is_dir() for f in image_files(d))
        files = sorted(random.Random(0).sample(val, min(a.top1, len(val))))
        net = lite2_model()
        top1 = {'n': len(files), **{k: imagenette_top1(c, files, net) for k, c in models.items()}, 'original': imagenette_top1(None, files, net)}
    by, whole = ev.summary(by='group'), ev.summary()
    numbers = {m: {**{g: {k: round(float(by.loc[(m, g), k]), 4) for k in ('n', 'psnr', 'lpips', 'colorfulness_ratio', 'delta_cf', 'fid', 'kid')}
                      for g in ('kodak24', 'bsds500-val')},
                   'both': {k: round(float(whole.loc[m, k]), 4) for k in ('n', 'fid', 'kid')},
                   **({'imagenette_val_top1': round(top1[m], 4)} if m in top1 else {})} for m in ev.models}
    if top1: numbers['original'] = {'imagenette_val_top1': round(top1['original'], 4), 'top1_photos': top1['n']}
    print(table(ev, dict(top1)))
    if a.json: Path(a.json).write_text(json.dumps(numbers, indent=1))
    if a.write_meta:
        meta = read_checkpoint(a.new)['meta']
        n = numbers['default']
        valid = {**meta.get('valid', {}),
                 **{ds: {'photos': int(n[ds]['n']), 'psnr': round(n[ds]['psnr'], 2), 'lpips': round(n[ds]['lpips'], 3),
                         'colourfulness_ratio': round(n[ds]['colorfulness_ratio'], 2), 'delta_cf': round(n[ds]['delta_cf'], 1),
                         'fid': round(n[ds]['fid'], 1), 'kid': round(n[ds]['kid'], 5)} for ds in ('kodak24', 'bsds500-val')},
                 'kodak24+bsds500-val': {'photos': int(n['both']['n']), 'fid': round(n['both']['fid'], 1), 'kid': round(n['both']['kid'], 5)}}
        if top1: valid['imagenette_val_top1'] = {'photos': top1['n'], 'top1': n['imagenette_val_top1'],
                                                 'gray': round(top1['gray'], 4), 'original': round(top1['original'], 4)}
        export_model(a.new, a.new, valid=valid)
        print(f"recorded in {a.new}'s metadata")

if __name__ == '__main__': main()
