"""Choose a two-headed model's blend (`vivid`) and temperature on held-out photos, by a rule fixed before looking (issue 22).

    COLORLAB_DATA=../shared/data python scripts/choose_vivid.py runs/twohead/last.pth --n 300

The held-out photos are a seeded sample of Imagenette's validation split and of `diverse/val`, half each: never
trained on, and never reported (the README reports Kodak24 and BSDS500-val, which play no part here). They come from
the same sources as the training photos; the only photos unlike those on this machine are the two reported sets.

Every setting of the grid (`--Ks` x `--Ts`) is scored with PSNR, LPIPS, the colourfulness ratio, FID and KID (Inception,
on all the held-out photos as one set), beside the first default (`git show 4af8c84:colorlab/weights/default.pth`,
L1) and the previous one (`git show 0fa16f6:...`, the one-headed bins model this was trained from) on the same photos.

The rule, written down before any setting was scored:
1. candidates: the settings whose colourfulness ratio is at least 0.6 (the acceptance asks 0.55 on the reported sets);
2. of those, the ones whose LPIPS is within two paired standard errors of the lowest candidate LPIPS (differences
   smaller than that are noise);
3. of those, the lowest KID (unbiased at a few hundred photos; FID is printed beside it).
All settings share one network run per photo: `vivid` and `T` only change how its two heads are decoded.
"""
import argparse, os, random, tempfile
from pathlib import Path
import torch, torch.nn as nn
from colorlab.core import data_path
from colorlab.evaluate import evaluate
from colorlab.inference import Colorizer
from colorlab.metrics import inception_model, lpips_model
from colorlab.data import image_files
from compare_defaults import EARLIER, from_history  # the earlier defaults, from git history

class SharedRun(nn.Module):
    "A network whose output for the last input is kept: colorizers that differ only in decoding share one forward pass"
    def __init__(self, net:nn.Module): super().__init__(); self.net, self.key, self.out = net, None, None
    def forward(self, x):
        if self.key is None or self.key.shape != x.shape or not torch.equal(self.key, x): self.key, self.out = x.clone(), self.net(x)
        return self.out

def held_out(n:int, seed:int) -> Path:
    "A folder of links to `n` seeded held-out photos, half from Imagenette's val split, half from diverse/val"
    sources = [data_path('imagenette', 'val'), Path(os.environ.get('COLORLAB_DIVERSE', '../diverse'))/'val']
    tmp = Path(tempfile.mkdtemp(prefix='heldout-'))
    for k, src in enumerate(sources):
        files = image_files(src)
        for i, f in enumerate(sorted(random.Random(seed).sample(files, n // 2))):
            (tmp/f'{k}-{i:04d}{f.suffix.lower()}').symlink_to(f.resolve())
    return tmp

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoint', help='the two-headed model (a training checkpoint or exported file)')
    p.add_argument('--previous', default=None, help="the one-headed model it was trained from (default: the previous default, from git)")
    p.add_argument('--n', type=int, default=300)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--Ks', default='0,0.5,1,1.5,2,3,5')
    p.add_argument('--Ts', default='0.6,0.8,1.0')
    a = p.parse_args()
    base = Colorizer.from_checkpoint(a.checkpoint)
    shared = SharedRun(base.model.G)
    models = {'first default': Colorizer.from_checkpoint(from_history(EARLIER['first default'])),
              'previous default': Colorizer.from_checkpoint(a.previous or from_history(EARLIER['previous default']))}
    for T in map(float, a.Ts.split(',')):
        for K in map(float, a.Ks.split(',')):
            c = Colorizer.from_checkpoint(a.checkpoint)
            c.model.G, c.model.T, c.vivid = shared, T, K
            models[f'K={K:g} T={T:g}'] = c
    folder = held_out(a.n, a.seed)
    ev = evaluate(models, folder, lpips_net=lpips_model(), inception=inception_model(None), verbose=True)
    s = ev.summary()
    lp = ev.ok.pivot(index='image', columns='model', values='lpips')
    pd_opts = ['n', 'psnr', 'lpips', 'colorfulness_ratio', 'delta_cf', 'fid', 'kid']
    print(s[pd_opts].round(4).to_string())
    grid = [m for m in models if m.startswith('K=')]
    cand = [m for m in grid if s.loc[m, 'colorfulness_ratio'] >= 0.6]
    if not cand: return print('no setting reaches a colourfulness ratio of 0.6: none chosen')
    best = min(cand, key=lambda m: s.loc[m, 'lpips'])
    near = []
    for m in cand:
        d = lp[m] - lp[best]
        if d.mean() <= 2 * d.std() / len(d) ** 0.5: near.append(m)
    chosen = min(near, key=lambda m: s.loc[m, 'kid'])
    print(f'candidates (ratio >= 0.6): {cand}\nwithin 2 paired SE of the lowest LPIPS ({best}): {near}\nchosen: {chosen}')
    f = s.loc['first default']
    for k, better in (('psnr', max), ('lpips', min), ('fid', min), ('kid', min)):
        print(f"  {k}: {s.loc[chosen, k]:.4f} against the first default's {f[k]:.4f}: "
              + ('better' if better(s.loc[chosen, k], f[k]) == s.loc[chosen, k] and s.loc[chosen, k] != f[k] else 'not better'))

if __name__ == '__main__': main()
