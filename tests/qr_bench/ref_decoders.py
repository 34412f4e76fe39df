"""Runs the reference decoders (zxing-cpp, ZBar) over the benchmark's frames.

Reads DIR/manifest.tsv (written by `cargo bench -p photoday-core --bench qr_frames`), decodes every
image's PGM pixels and writes DIR/results-<decoder>.tsv with the same columns as the core's
results: decoder, id, ok (the expected text was among those read), µs per image (the library
call only; loading the file is outside the timing).

    python ref_decoders.py DIR [zxing-cpp] [zbar] [--paired CMD...]

With --paired, CMD is the core's bench in `--serve` mode: each image is then timed with zxing-cpp
(best of three) and, straight after, with the core (best of three, inside CMD), and both go to
DIR/timing-paired.tsv (decoders `core` and `zxing-cpp`). On a machine shared with other work
only these paired timings give a fair ratio.
"""
import subprocess
import sys
import time

import numpy as np


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # "P5\n<w> <h>\n255\n" as the bench writes it.
    magic, dims, maxval, rest = data.split(b"\n", 3)
    assert magic == b"P5" and maxval == b"255", path
    w, h = map(int, dims.split())
    return np.frombuffer(rest[: w * h], dtype=np.uint8).reshape(h, w)


def zxing_cpp():
    import zxingcpp

    fmt = zxingcpp.BarcodeFormat.QRCode

    def decode(img):
        return [b.text for b in zxingcpp.read_barcodes(img, formats=fmt)]

    return decode


def zbar():
    from pyzbar import pyzbar

    def decode(img):
        h, w = img.shape
        found = pyzbar.decode((img.tobytes(), w, h), symbols=[pyzbar.ZBarSymbol.QRCODE])
        return [s.data.decode("utf-8", "replace") for s in found]

    return decode


def paired(out, rows, cmd):
    decode = zxing_cpp()
    core = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    lines = ["decoder\tid\tok\tus\tcheck"]
    start = time.time()
    for row in rows:
        img = read_pgm(f"{out}/{row['pgm']}")
        best = None
        for _ in range(3):
            t = time.perf_counter()
            texts = decode(img)
            us = int((time.perf_counter() - t) * 1e6)
            best = us if best is None else min(best, us)
        lines.append(f"zxing-cpp\t{row['id']}\t{int(row['text'] in texts)}\t{best}\t-")
        core.stdin.write(f"{out}/{row['pgm']}\t{row['text']}\n")
        core.stdin.flush()
        ok, us = core.stdout.readline().split()
        lines.append(f"core\t{row['id']}\t{ok}\t{us}\t-")
    core.stdin.close()
    core.wait()
    with open(f"{out}/timing-paired.tsv", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"paired core/zxing-cpp timing: {len(rows)} images in {time.time() - start:.0f} s", file=sys.stderr)


def main():
    out = sys.argv[1]
    args = sys.argv[2:]
    cmd = None
    if "--paired" in args:
        i = args.index("--paired")
        args, cmd = args[:i], args[i + 1:]
    wanted = args or (["zxing-cpp", "zbar"] if cmd is None else [])
    makers = {"zxing-cpp": zxing_cpp, "zbar": zbar}
    rows = []
    with open(f"{out}/manifest.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    for name in wanted:
        decode = makers[name]()
        lines = ["decoder\tid\tok\tus\tcheck"]
        start = time.time()
        for row in rows:
            img = read_pgm(f"{out}/{row['pgm']}")
            t = time.perf_counter()
            texts = decode(img)
            us = int((time.perf_counter() - t) * 1e6)
            ok = int(row["text"] in texts)
            lines.append(f"{name}\t{row['id']}\t{ok}\t{us}\t-")
        with open(f"{out}/results-{name}.tsv", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{name}: {len(rows)} images in {time.time() - start:.0f} s", file=sys.stderr)
    if cmd:
        paired(out, rows, cmd)


if __name__ == "__main__":
    main()
