"""Validation LPIPS of every epoch of a `train_default.py` run against training hours, on photos it never trained on.

    python scripts/default_curve.py runs/default [--data ../diverse/val] [--n 240] [--max-side N]

Reads `progress.csv` (seconds per epoch) and scores each `epochN.pth` with `colorlab.evaluate` (LPIPS, colourfulness
ratio, PSNR) on a seeded subset of `--data` (default: `diverse/val`, 144 px photos that are neither trained on nor
reported in the README). Writes `curve.csv` and `curve.png` into the run folder and prints the epoch with the lowest LPIPS.
Epochs already in `curve.csv`, scored with the same options, are not scored again.
"""
import argparse, csv, json, os
from pathlib import Path
from colorlab.evaluate import evaluate, get_colorizer
from colorlab.metrics import lpips_model

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('run')
    p.add_argument('--data', default=os.path.join(os.environ.get('COLORLAB_DIVERSE', '../diverse'), 'val'))
    p.add_argument('--n', type=int, default=240)
    p.add_argument('--max-side', type=int, default=None)
    a = p.parse_args()
    run = Path(a.run)
    progress = list(csv.DictReader(open(run/'progress.csv')))
    old = {}  # epochs scored before, on the same photos: kept (delete curve.csv to score them all again)
    if (run/'curve.csv').is_file() and (run/'curve.json').is_file() and json.loads((run/'curve.json').read_text()) == vars(a):
        old = {int(r['epoch']): r for r in csv.DictReader(open(run/'curve.csv'))}
    net, rows, hours = lpips_model(), [], 0.
    for r in progress:
        hours += float(r['seconds']) / 3600
        ck = run/f"epoch{r['epoch']}.pth"
        if int(r['epoch']) in old:
            o = old[int(r['epoch'])]
            rows.append(dict(epoch=int(o['epoch']), hours=round(hours, 3), photos=int(o['photos']), lpips=float(o['lpips']),
                             colourfulness_ratio=float(o['colourfulness_ratio']), psnr=float(o['psnr'])))
            continue
        if not ck.is_file(): continue
        s = evaluate({'m': get_colorizer(str(ck))}, a.data, lpips_net=net, max_side=a.max_side, max_images=a.n, verbose=False).summary().loc['m']
        rows.append(dict(epoch=int(r['epoch']), hours=round(hours, 3), photos=int(r['photos']),
                         lpips=round(float(s['lpips']), 4), colourfulness_ratio=round(float(s['colorfulness_ratio']), 3),
                         psnr=round(float(s['psnr']), 2)))
        print(rows[-1], flush=True)
    with open(run/'curve.csv', 'w', newline='') as f:
        w = csv.DictWriter(f, list(rows[0])); w.writeheader(); w.writerows(rows)
    (run/'curve.json').write_text(json.dumps(vars(a)))
    best = min(rows, key=lambda r: r['lpips'])
    print(f"best epoch {best['epoch']}")
    import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot([r['hours'] for r in rows], [r['lpips'] for r in rows], 'o-')
    ax.set_xlabel('training hours (2-core CPU)'); ax.set_ylabel(f'LPIPS on {Path(a.data).name} (lower is better)')
    ax2 = ax.twinx(); ax2.plot([r['hours'] for r in rows], [r['colourfulness_ratio'] for r in rows], 's--', color='C1')
    ax2.set_ylabel('colourfulness ratio', color='C1'); fig.tight_layout(); fig.savefig(run/'curve.png', dpi=90)

if __name__ == '__main__': main()
