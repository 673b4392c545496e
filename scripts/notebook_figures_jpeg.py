"""Re-encode big PNG figures saved in notebooks as JPEG (quality 80, at most 1600 px wide), as the notebooks' own
`%config` asks: `nbdev-test --save --n-workers 2` wrote PNG. Usage: python scripts/notebook_figures_jpeg.py nbs/*.ipynb"""
import base64, io, json, sys
from PIL import Image
for p in sys.argv[1:]:
    nb = json.load(open(p)); n = 0
    for c in nb['cells']:
        for o in c.get('outputs', []):
            d = o.get('data', {})
            if 'image/png' not in d: continue
            raw = ''.join(d['image/png']) if isinstance(d['image/png'], list) else d['image/png']
            if len(raw) < 60_000: continue
            im = Image.open(io.BytesIO(base64.b64decode(raw)))
            bg = Image.new('RGB', im.size, 'white'); im = im.convert('RGBA'); bg.paste(im, mask=im.split()[3]); im = bg
            if im.width > 1600: im = im.resize((1600, round(im.height * 1600 / im.width)), Image.LANCZOS)
            buf = io.BytesIO(); im.save(buf, 'JPEG', quality=80, optimize=True)
            del d['image/png']; d['image/jpeg'] = base64.b64encode(buf.getvalue()).decode()
            md = o.get('metadata', {})
            if 'image/png' in md: md['image/jpeg'] = md.pop('image/png')
            n += 1
    with open(p, 'w') as f: json.dump(nb, f, indent=1, ensure_ascii=False); f.write('\n')
    print(p, n)
