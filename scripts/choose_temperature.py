"""Choose the annealed mean's temperature of a 'bins' model (or the epoch too) on photos that are neither trained on nor reported.

    python scripts/choose_temperature.py runs/default/epoch7.pth --data $COLORLAB_DATA/imagenette/val --n 200
    python scripts/choose_temperature.py runs/default/epoch7.pth runs/stage2/epoch*.pth --data ... --n 200 --Ts 0.8,1.0

Scores each checkpoint at several temperatures on a seeded subset of `--data` (default `diverse/val`; LPIPS,
colourfulness ratio, PSNR) and prints the one with the lowest LPIPS among those whose colourfulness ratio is at least
0.8 (Kodak24 and BSDS500, on which the README reports, play no part in the choice). Beside each, its mean LPIPS
difference from the first one's (the first checkpoint at the first temperature), photo by photo, and that difference's standard error: a gain of less than
about two standard errors is noise, not a reason to ship. `diverse/val` comes from the same
sources as the training photos; Imagenette's validation split is the better judge of photos unlike them.
"""
import argparse, os
from pathlib import Path
from colorlab.evaluate import evaluate, get_colorizer
from colorlab.metrics import lpips_model

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoints', nargs='+')
    p.add_argument('--data', default=os.path.join(os.environ.get('COLORLAB_DIVERSE', '../diverse'), 'val'))
    p.add_argument('--n', type=int, default=240)
    p.add_argument('--Ts', default='0.38,0.5,0.65,0.8,1.0,1.25,1.5')
    a = p.parse_args()
    models = {}
    for ck in a.checkpoints:
        for T in map(float, a.Ts.split(',')):
            c = get_colorizer(ck); c.model.T = T
            models[T if len(a.checkpoints) == 1 else f'{Path(ck).parent.name}/{Path(ck).stem} T={T}'] = c
    ev = evaluate(models, a.data, lpips_net=lpips_model(), max_images=a.n, verbose=False)
    s = ev.summary()
    lp = ev.ok.pivot(index='image', columns='model', values='lpips')
    d = lp.sub(lp[next(iter(models))], axis=0)  # each photo's LPIPS against the first model's on the same photo
    s['vs_first'], s['paired_se'] = d.mean(), d.std() / len(d) ** 0.5  # a difference within ~2 SE is noise
    print(s[['n', 'psnr', 'lpips', 'colorfulness_ratio', 'vs_first', 'paired_se']].round(4).to_string())
    ok = s[s.colorfulness_ratio >= 0.8]
    best = (ok if len(ok) else s).lpips.idxmin()
    print(f'chosen T={best}' if len(a.checkpoints) == 1 else f'chosen: {best}')

if __name__ == '__main__': main()
