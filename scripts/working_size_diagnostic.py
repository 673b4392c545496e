"""A diagnostic, run after the table it explains (issue 22): does the working size change what a default scores on Kodak24?

    COLORLAB_DATA=../shared/data python scripts/working_size_diagnostic.py MODEL.pth

Scores on Kodak24 at full resolution: the first default as shipped (96 px) and at 256 px, MODEL (a two-headed default)
at its own working size with `vivid` 0 and 1, with `decode_both(detail=False)`, its regression alone (vivid 0) at 256
and 384 px, and its shipped blend at 160 and 256 px; then the PSNR of every photo.
"""
import sys
from colorlab.core import data_path
from colorlab.evaluate import evaluate
from colorlab.inference import Colorizer
from colorlab.metrics import lpips_model
from compare_defaults import EARLIER, from_history

def main(path:str):
    first = from_history(EARLIER['first default'])
    models = {'first default': Colorizer.from_checkpoint(first), 'first default size 256': Colorizer.from_checkpoint(first, size=256)}
    for k in (0., 1.):
        c = Colorizer.from_checkpoint(path); c.vivid = k; models[f'new K={k:g}'] = c
    c = Colorizer.from_checkpoint(path); c.model.detail = False; models['new K=1 plain'] = c
    for s in (256, 384):
        c = Colorizer.from_checkpoint(path, size=s); c.vivid = 0.; models[f'new K=0 size {s}'] = c
    for s in (160, 256):
        c = Colorizer.from_checkpoint(path, size=s); c.vivid = 1.; models[f'new K=1 size {s}'] = c
    print(f'working size of the model: {models["new K=0"].size}, of the first default: {models["first default"].size}')
    ev = evaluate(models, data_path('kodak24'), lpips_net=lpips_model(), verbose=False)
    print(ev.summary()[['n', 'psnr', 'lpips', 'colorfulness_ratio']].round(4).to_string())
    print(ev.ok.pivot(index='image', columns='model', values='psnr').round(2).to_string())

if __name__ == '__main__': main(sys.argv[1])
