"""Browser check of `nbs/12_widgets.ipynb`: JupyterLab on 127.0.0.1, Debian's Chromium driven by Playwright.

Runs the notebook (Run All) as a person would, then moves the wipe slider, picks another photo, uploads one and
answers the Turing test, asserting on what the page shows and on the answers file. The notebook is run from a copy
in a temporary folder (JupyterLab autosaves), with HOME there too, so the answers go to a throwaway
`~/.colorlab/turing.csv`. Exit code 0 when every check passes.

Setup: `apt-get install -y chromium` and `.venv/bin/pip install playwright` (no `playwright install`: the system
Chromium is used). Run from the repository root:
    COLORLAB_DATA=../shared/data .venv/bin/python tests/browser_widgets.py [--shots /tmp]
"""
from __future__ import annotations
import argparse, csv, os, re, secrets, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NB = '12_widgets.ipynb'

def free_port() -> int:
    "A free TCP port on 127.0.0.1"
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def start_lab(root:Path, home:Path, port:int, token:str, log) -> subprocess.Popen:
    "JupyterLab serving `root` on 127.0.0.1 only, with `token`, in its own process group"
    env = dict(os.environ, HOME=str(home), JUPYTER_CONFIG_DIR=str(home/'.jupyter'), JUPYTER_RUNTIME_DIR=str(home/'runtime'))
    env.setdefault('COLORLAB_DATA', str(ROOT.parent/'shared'/'data'))
    settings = home/'.jupyter'/'lab'/'user-settings'/'@jupyterlab'
    for ext, values in [('notebook-extension/tracker', '{"windowingMode": "none"}'),  # every cell in the page, for the checks
                        ('apputils-extension/notification', '{"fetchNews": "false"}')]:  # no network, no pop-up
        f = settings/f'{ext}.jupyterlab-settings'
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(values)
    cmd = [str(Path(sys.executable).parent/'jupyter'), 'lab', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
           f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={root}', '--ServerApp.port_retries=0',
           '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate', '--LabApp.extension_manager=readonly',
           *(['--allow-root'] if os.geteuid() == 0 else [])]  # CI containers run as root
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(120):
        if proc.poll() is not None:
            log.flush()
            raise RuntimeError(f'jupyter lab exited with code {proc.returncode}: {Path(log.name).read_text()[-2000:]}')
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/api/status?token={token}', timeout=2)
            return proc
        except OSError: time.sleep(0.5)
    raise RuntimeError('jupyter lab did not answer within 60 s')

def stop(proc:subprocess.Popen):
    "Stop the server and its kernels"
    if proc.poll() is not None: return
    os.killpg(proc.pid, signal.SIGTERM)
    try: proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL); proc.wait(5)

class Checks:
    "Named checks, printed as they pass or fail"
    def __init__(self): self.failed = []
    def __call__(self, name:str, ok:bool, detail=''):
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f': {detail}' if detail != '' else ''), flush=True)
        if not ok: self.failed.append(name)

def run(page, work:Path, home:Path, shots:Path, check:Checks, timeout_s:float):
    from playwright.sync_api import expect
    t0 = time.monotonic()
    # Run All, from the menu, once the kernel is ready
    page.locator('.jp-Notebook').first.wait_for(timeout=60_000)
    expect(page.locator('.jp-StatusBar-Widget', has_text=re.compile(r'Python 3.*\|\s*Idle')).first).to_be_visible(timeout=60_000)
    time.sleep(2)  # a kernel dialog, if the notebook has no kernelspec, comes up by now
    check('no kernel dialog', page.locator('.jp-Dialog').count() == 0, page.locator('.jp-Dialog').all_inner_texts())
    page.locator('.lm-MenuBar-itemLabel', has_text=re.compile(r'^Run$')).click()
    page.locator('.lm-Menu-itemLabel', has_text=re.compile(r'^Run All Cells$')).click()
    time.sleep(2)
    if page.locator('.jp-Dialog').count(): raise RuntimeError(f"a dialog came up: {page.locator('.jp-Dialog').all_inner_texts()}")
    # done when every code cell has a number, none is queued or running
    page.wait_for_function("""() => {
        const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent.trim());
        return p.length > 0 && p.every(t => /^\\[\\d+\\]:$/.test(t));
    }""", timeout=int(timeout_s * 1000))
    check('Run All finished', True, f'{time.monotonic() - t0:.0f} s')
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"], .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')
    check('no cell raised', errors.count() == 0, errors.first.inner_text()[:400] if errors.count() else '')

    # Compare: real photos, the shipped model chosen beside gray, the wipe at the photo's own width
    cmp = page.locator('.widget-vbox', has=page.locator('.widget-slider', has_text='wipe')).last
    cmp.scroll_into_view_if_needed()
    msg = cmp.locator('.widget-html').filter(has_text=re.compile(r'px; metrics')).first
    expect(msg).to_contain_text('kodim05.png, 768x512 px', timeout=30_000)
    chosen = cmp.locator('.widget-select-multiple select option:checked').all_inner_texts()
    check('models chosen at first', chosen == ['gray', 'default'], chosen)
    labels = [t.strip() for t in cmp.locator('.widget-hbox .widget-vbox > .widget-html:first-child').all_inner_texts()]
    check('row: gray, default, original', labels[:3] == ['gray', 'default', 'original'], labels)
    wipe_img = cmp.locator('img').last
    box = wipe_img.bounding_box()
    check('wipe shown at 768 px (own width)', box is not None and abs(box['width'] - 768) <= 1, box)
    check('wipe no taller than the window', box is not None and box['height'] <= page.viewport_size['height'], box)
    check('LPIPS shown', 'LPIPS' in cmp.inner_text())
    src0 = wipe_img.get_attribute('src')
    readout = cmp.locator('.widget-slider', has_text='wipe').locator('.widget-readout')
    r0 = readout.inner_text()
    handle = cmp.locator('.widget-slider', has_text='wipe').locator('.noUi-handle')
    hb = handle.bounding_box()
    page.mouse.move(hb['x'] + hb['width'] / 2, hb['y'] + hb['height'] / 2)
    page.mouse.down()
    page.mouse.move(hb['x'] - 60, hb['y'] + hb['height'] / 2, steps=8)
    page.mouse.up()
    expect(readout).not_to_have_text(r0, timeout=10_000)
    page.wait_for_function('([e, s]) => e.getAttribute("src") !== s', arg=[wipe_img.element_handle(), src0], timeout=15_000)
    check('slider dragged, wipe redrawn', True, f'{r0} -> {readout.inner_text()}')
    cmp.screenshot(path=str(shots/'browser_widgets_compare.png'))

    # another photo after Run All (the tests' temporary folder is gone by then)
    src0 = wipe_img.get_attribute('src')
    cmp.locator('.widget-dropdown', has_text='photo').locator('select').select_option(label='kodim04.png')
    expect(msg).to_contain_text('kodim04.png, 512x768 px', timeout=60_000)
    check('another photo', 'cannot read' not in cmp.inner_text())
    page.wait_for_function('([e, s]) => e.getAttribute("src") !== s && e.complete && e.naturalHeight > e.naturalWidth',
                           arg=[wipe_img.element_handle(), src0], timeout=15_000)
    box = wipe_img.bounding_box()
    check('portrait wipe fits the window', box is not None and box['height'] <= 0.86 * page.viewport_size['height']
          and abs(box['width'] / box['height'] - 512 / 768) < 0.01, box)
    # an upload: shown, and named in the drop-down
    up = work/'mine.png'
    shutil.copy(Path(os.environ.get('COLORLAB_DATA', ROOT.parent/'shared'/'data'))/'kodak24'/'kodim23.png', up)
    with page.expect_file_chooser() as chooser: cmp.locator('.widget-upload').click()
    chooser.value.set_files(str(up))
    expect(msg).to_contain_text('mine.png, 768x512 px', timeout=60_000)
    sel = cmp.locator('.widget-dropdown', has_text='photo').locator('select option:checked').inner_text().replace('\xa0', ' ')
    check('upload named in the drop-down', sel == 'mine.png (uploaded)', sel)

    # the Turing test: ready, buttons that do not move, answers written to ~/.colorlab/turing.csv
    tt = page.locator('.widget-vbox', has=page.locator('button', has_text='the left one is real')).first  # the outer box
    tt.scroll_into_view_if_needed()
    status = tt.locator('.widget-html').last
    expect(status).to_contain_text('Trial 1 of 4', timeout=120_000)
    left = tt.locator('button', has_text='the left one is real')
    def place():  # the button's place within the widget (the page itself may scroll)
        b, t = left.bounding_box(), tt.bounding_box()
        return round(b['x'] - t['x'], 1), round(b['y'] - t['y'], 1), b['width'], b['height']
    def shape():  # the left photo's orientation
        return tt.locator('img').first.evaluate('e => e.naturalWidth > e.naturalHeight ? "landscape" : "portrait"')
    boxes, shapes = [place()], [shape()]
    for i in range(4):
        expect(left).to_be_enabled(timeout=60_000)
        left.click()
        expect(status).to_contain_text(f'Trial {i + 2} of 4' if i < 3 else 'Done', timeout=60_000)
        boxes.append(place())
        if i < 3: shapes.append(shape())
        if i == 0: tt.screenshot(path=str(shots/'browser_widgets_turing.png'))
    check('Turing test played to the end', 'fool rate' in status.inner_text(), status.inner_text())
    check('buttons kept their place', all(b == boxes[0] for b in boxes), f'{boxes[0]} for photos {shapes}')
    answers = home/'.colorlab'/'turing.csv'
    rows = list(csv.DictReader(answers.open())) if answers.exists() else []
    check('answers in ~/.colorlab/turing.csv', len(rows) == 4 and {r['chosen_side'] for r in rows} == {'left'}, answers)
    check('nothing written beside the notebook', not (work/'turing.csv').exists())
    page.screenshot(path=str(shots/'browser_widgets_page.png'))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shots', default='/tmp', help='where the screenshots go')
    ap.add_argument('--chromium', default='/usr/bin/chromium', help="the browser's executable")
    ap.add_argument('--timeout', type=float, default=300, help='seconds Run All may take')
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    shots, check, t0 = Path(args.shots), Checks(), time.monotonic()
    with tempfile.TemporaryDirectory(prefix='browser_widgets_') as d:
        work, home = Path(d)/'nbs', Path(d)/'home'
        work.mkdir(); home.mkdir()
        shutil.copy(ROOT/'nbs'/NB, work/NB)
        token, port = secrets.token_hex(16), free_port()
        with open(Path(d)/'lab.log', 'w') as log:
            lab = start_lab(work, home, port, token, log)
            try:
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=args.chromium, headless=True)
                    page = browser.new_page(viewport={'width': 1400, 'height': 800})
                    page.goto(f'http://127.0.0.1:{port}/lab/tree/{NB}?token={token}')
                    try: run(page, work, home, shots, check, args.timeout)
                    except Exception as e:
                        check('browser session', False, f'{type(e).__name__}: {str(e)[:600]}')
                        page.screenshot(path=str(shots/'browser_widgets_failure.png'))
                    browser.close()
            finally: stop(lab)
        if check.failed: print((Path(d)/'lab.log').read_text()[-3000:])
    print(f"{'FAILED ' + ', '.join(check.failed) if check.failed else 'all checks passed'} in {time.monotonic() - t0:.0f} s")
    sys.exit(1 if check.failed else 0)

if __name__ == '__main__': main()
