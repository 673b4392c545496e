"""A probe on the selection photos only (issue 22): can the bins add colour without changing the regression's hue?

    COLORLAB_DATA=../shared/data python scripts/chroma_probe.py runs/beside2/epoch6.pth --n 100 --unlike ../mcmaster18

The 'ab+bins' model of `runs/beside2` keeps the first default's regression exactly and has a bins head beside it.
`decode_both` moves the regression towards the bins' colour where they are sure (hue and chroma). The probe's decoding,
'chroma', moves only the chroma: per 4 x 4 patch (the bins' grid), it projects the bins' annealed mean onto the hue of
the regression's average there, and where that projection is longer than the regression's chroma, adds the
difference, times the blend weight w = min(1, K x confidence), along that hue. The hue and the detail stay the
regression's; below a chroma of 5 ab units the hue is trusted less (the added colour shrinks with the square of the
chroma). If colour were lost only by hedging, this would add it where the two heads agree and keep the first
default's PSNR. Scored beside the first default and the shipped blend (`decode_both`) on the held-out photos and on
the photos unlike the training sources (`choose_vivid.held_out`); Kodak24 and BSDS500-val, which the README reports,
play no part. Not a candidate for shipping: a probe, whose result is recorded in docs/results.md.
"""
import argparse, types
import torch, torch.nn.functional as F
from colorlab.evaluate import evaluate
from colorlab.inference import Colorizer
from colorlab.metrics import inception_model, lpips_model
from colorlab.pix2pix import confidence, regression
from colorlab.zhang import annealed_mean
from choose_vivid import held_out, SharedRun, group_tables
from compare_defaults import EARLIER, from_history

FLOOR = 5 / 110  # below this chroma (normalised ab) the regression's hue is trusted less

def decode_chroma(out, bins, T:float, vivid:float, size) -> torch.Tensor:
    "Normalised ab (B, 2, H, W): the regression, its chroma raised towards the bins' along its own hue where they are sure"
    Q = len(bins)
    logits, reg = out[:, :Q].float(), regression(out, Q).float()
    w, mean = (vivid * confidence(logits)).clamp(0, 1), annealed_mean(logits, bins, T) / 110
    avg = F.interpolate(reg, size=logits.shape[-2:], mode='area')  # the regression over each patch of the bins' grid
    n = avg.norm(dim=1, keepdim=True)
    hue = avg / n.clamp(min=FLOOR)  # a unit vector, shorter where the regression is nearly gray
    more = ((mean * hue).sum(1, keepdim=True) - n).clamp(min=0)  # how much more chroma the bins give along that hue
    ab = reg + F.interpolate(w * more * hue, size=reg.shape[-2:], mode='bilinear', align_corners=False)
    return F.interpolate(ab, size=tuple(size), mode='bilinear', align_corners=False)

def chroma_colorizer(checkpoint:str, G, T:float, vivid:float) -> Colorizer:
    "A `Colorizer` of `checkpoint` that runs `G` and decodes with `decode_chroma`"
    c = Colorizer.from_checkpoint(checkpoint)
    m = c.model
    m.G, m.T = G, T
    m.predict = types.MethodType(lambda self, L: decode_chroma(self.G(L), self.bins, self.T, vivid, L.shape[-2:]), m)
    return c

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoint', help="an 'ab+bins' model (Pix2Pix(head='ab+bins'))")
    p.add_argument('--n', type=int, default=100)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--unlike', required=True, help='a folder of photos unlike the training sources (McMaster18)')
    p.add_argument('--Ks', default='1,2,4')
    p.add_argument('--Ts', default='0.6,1.0')
    a = p.parse_args()
    shared = SharedRun(Colorizer.from_checkpoint(a.checkpoint).model.G)
    models = {'first default': Colorizer.from_checkpoint(from_history(EARLIER['first default']))}
    for T in map(float, a.Ts.split(',')):
        c = Colorizer.from_checkpoint(a.checkpoint)
        c.model.G, c.model.T, c.vivid = shared, T, 1.
        models[f'blend K=1 T={T:g}'] = c
        for K in map(float, a.Ks.split(',')): models[f'chroma K={K:g} T={T:g}'] = chroma_colorizer(a.checkpoint, shared, T, K)
    ev = evaluate(models, held_out(a.n, a.seed, a.unlike), lpips_net=lpips_model(), inception=inception_model(None), verbose=False)
    group_tables(ev, a.unlike)

if __name__ == '__main__': main()
