"""How much does the resolution of the colour cost? Two diagnostics, same weights, only the pooling changed (issue 22):

1. the first default (an L1 U-Net, ab at the working resolution) against the same network with its last 1x1
   convolution applied to features average-pooled by 4, then upsampled: what a head at a quarter of the resolution
   gives up;
2. the two-headed default of commit 203a158 (both heads at a quarter of the resolution, `TwoHeads`) against the same network with
   the pooling taken out, so that both heads run at the working resolution (they were trained pooled).

    COLORLAB_DATA=../shared/data python scripts/pooled_regression.py
"""
import torch.nn as nn
from colorlab.core import data_path
from colorlab.evaluate import evaluate
from colorlab.inference import Colorizer
from colorlab.metrics import lpips_model
from colorlab.pix2pix import TwoHeads
from compare_defaults import EARLIER, from_history

def main():
    first = from_history(EARLIER['first default'])
    full, pooled = Colorizer.from_checkpoint(first), Colorizer.from_checkpoint(first)
    G = pooled.model.G  # a `PlainUnet`: its last layer is the 1x1 convolution, the sigmoid follows in `forward`
    G.layers[-1] = nn.Sequential(nn.AvgPool2d(4), G.layers[-1], nn.Upsample(scale_factor=4, mode='bilinear'))
    two = from_history('203a158')
    shipped, unpooled = Colorizer.from_checkpoint(two), Colorizer.from_checkpoint(two)
    heads = next(m for m in unpooled.model.G.modules() if isinstance(m, TwoHeads))
    heads[0] = nn.Identity()  # the heads read the features at full resolution
    models = {'first default': full, 'first default, last layer at 1/4': pooled,
              'two heads at 1/4 (203a158)': shipped, 'the same, heads at full resolution': unpooled}
    for ds in ('kodak24', 'bsds500-val'):
        ev = evaluate(models, data_path(ds), lpips_net=lpips_model(), verbose=False)
        print(ds); print(ev.summary()[['n', 'psnr', 'lpips', 'colorfulness_ratio']].round(4).to_string())

if __name__ == '__main__': main()
