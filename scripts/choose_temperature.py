"""Choose the annealed mean's temperature of a 'bins' model on photos that are neither trained on nor reported.

    python scripts/choose_temperature.py runs/default/epoch9.pth [--data ../diverse/val] [--n 240]

Scores the checkpoint at several temperatures on a seeded subset of `diverse/val` (LPIPS, colourfulness ratio, PSNR)
and prints the one with the lowest LPIPS among those whose colourfulness ratio is at least 0.8 (Kodak24 and BSDS500,
on which the README reports, play no part in the choice).
"""
import argparse, os
from colorlab.evaluate import evaluate, get_colorizer
from colorlab.metrics import lpips_model

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoint')
    p.add_argument('--data', default=os.path.join(os.environ.get('COLORLAB_DIVERSE', '../diverse'), 'val'))
    p.add_argument('--n', type=int, default=240)
    p.add_argument('--Ts', default='0.38,0.5,0.65,0.8,1.0,1.25,1.5')
    a = p.parse_args()
    models = {}
    for T in map(float, a.Ts.split(',')):
        c = get_colorizer(a.checkpoint); c.model.T = T; models[T] = c
    s = evaluate(models, a.data, lpips_net=lpips_model(), max_images=a.n, verbose=False).summary()
    print(s[['n', 'psnr', 'lpips', 'colorfulness_ratio']].round(3).to_string())
    ok = s[s.colorfulness_ratio >= 0.8]
    best = (ok if len(ok) else s).lpips.idxmin()
    print(f'chosen T={best}')

if __name__ == '__main__': main()
