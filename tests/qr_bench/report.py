"""Turns the QR benchmark's results into the Markdown tables for BENCHMARKS.md.

    python report.py DIR        (DIR as written by run.sh; prints the tables, also DIR/report.md)

Camera frames: per decoder, payload and blur, the share of frames read at each symbol width and
the smallest width from which every larger width reads ≥ 95 %; time per frame (median, p95).
Screenshots: share read per decoder, and how often the core's 采集码 check agrees with zxing-cpp.
"""
import glob
import statistics
import sys
from collections import defaultdict

ORDER = ["core", "zxing-cpp", "zbar", "android", "rqrr"]


def load(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def pct(xs):
    return f"{100 * sum(xs) / len(xs):.0f}" if xs else "–"


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main():
    out = sys.argv[1]
    manifest = {r["id"]: r for r in load(f"{out}/manifest.tsv")}
    results = defaultdict(dict)  # decoder -> id -> row
    for path in sorted(glob.glob(f"{out}/results-*.tsv")):
        for r in load(path):
            results[r["decoder"]][r["id"]] = r
    decoders = [d for d in ORDER if d in results] + sorted(d for d in results if d not in ORDER)
    lines = []
    say = lines.append

    camera = [m for m in manifest.values() if m["set"] == "camera"]
    widths = sorted({float(m["symbol_px"]) for m in camera})
    blurs = sorted({float(m["blur"]) for m in camera})
    payloads = [p for p in ["pass", "pretix", "v3"] if any(m["payload"] == p for m in camera)]
    say(f"Camera frames: {len(camera)} (1280×720), tilt 0–20°, any rotation, light, glare, noise.\n")
    say("Share of frames read (%) by symbol width in px; `≥95 % from` is the smallest width from")
    say("which every larger width reads at least 95 %.\n")
    summary = {}
    say("| payload | blur σ | decoder | " + " | ".join(f"{w:.0f}" for w in widths) + " | ≥95 % from |")
    say("|---|---|---|" + "---|" * len(widths) + "---|")
    for p in payloads:
        for b in blurs:
            for d in decoders:
                cells, rates = [], []
                for w in widths:
                    ids = [m["id"] for m in camera
                           if m["payload"] == p and float(m["blur"]) == b and float(m["symbol_px"]) == w]
                    oks = [int(results[d][i]["ok"]) for i in ids if i in results[d]]
                    cells.append(pct(oks))
                    rates.append(sum(oks) / len(oks) if oks else 0)
                from_w = "–"
                for k in range(len(widths)):
                    if all(r >= 0.95 for r in rates[k:]):
                        from_w = f"{widths[k]:.0f}"
                        break
                say(f"| {p} | {b:g} | {d} | " + " | ".join(cells) + f" | {from_w} |")
                summary[(p, b, d)] = from_w
    say("")
    say("Smallest symbol width (px) from which every larger width reads ≥ 95 % (– = none up to 320):\n")
    say("| decoder | " + " | ".join(f"{p} σ{b:g}" for p in payloads for b in blurs) + " |")
    say("|---|" + "---|" * (len(payloads) * len(blurs)))
    for d in decoders:
        cells = [summary.get((p, b, d), "–") for p in payloads for b in blurs]
        say(f"| {d} | " + " | ".join(cells) + " |")
    say("")
    say("Reads, and time per image in ms from each decoder's own pass over the images (one call "
        "each, so load on the machine moves these; the paired table below is the fair ratio):\n")
    say("| decoder | read, all frames | median | p95 | pass frames median | screenshot median | × zxing-cpp (median, all frames) |")
    say("|---|---|---|---|---|---|---|")
    shots = [m for m in manifest.values() if m["set"] == "shot"]
    base = None
    if "zxing-cpp" in results:
        base = statistics.median(int(results["zxing-cpp"][m["id"]]["us"]) for m in camera)
    for d in decoders:
        us = [int(results[d][m["id"]]["us"]) for m in camera if m["id"] in results[d]]
        us_pass = [int(results[d][m["id"]]["us"]) for m in camera
                   if m["payload"] == "pass" and m["id"] in results[d]]
        us_shot = [int(results[d][m["id"]]["us"]) for m in shots if m["id"] in results[d]]
        oks = [int(results[d][m["id"]]["ok"]) for m in camera if m["id"] in results[d]]
        if not us:
            continue
        med = statistics.median(us)
        ratio = f"{med / base:.2f}" if base else "–"
        say(f"| {d} | {pct(oks)} % | {med / 1000:.1f} | {p95(us) / 1000:.1f} | "
            f"{statistics.median(us_pass) / 1000:.1f} | "
            f"{(statistics.median(us_shot) / 1000) if us_shot else 0:.1f} | {ratio} |")
    say("")

    import os
    if os.path.exists(f"{out}/timing-paired.tsv"):
        pairs = defaultdict(dict)
        for r in load(f"{out}/timing-paired.tsv"):
            pairs[r["decoder"]][r["id"]] = int(r["us"])
        say("Paired timing, ms per image (each image timed with zxing-cpp and, straight after, the core; "
            "best of three each), the fair ratio on a shared machine:\n")
        say("| set | zxing-cpp median | zxing-cpp p95 | core median | core p95 | core ÷ zxing-cpp (ratio of medians) | median per-image ratio |")
        say("|---|---|---|---|---|---|---|")
        groups = [("camera frames, all", camera),
                  ("camera frames, pass", [m for m in camera if m["payload"] == "pass"]),
                  ("screenshots", shots)]
        for label, group in groups:
            ids = [m["id"] for m in group if m["id"] in pairs["core"] and m["id"] in pairs["zxing-cpp"]]
            if not ids:
                continue
            z = [pairs["zxing-cpp"][i] for i in ids]
            c = [pairs["core"][i] for i in ids]
            per = statistics.median(ci / max(zi, 1) for ci, zi in zip(c, z))
            say(f"| {label} | {statistics.median(z) / 1000:.2f} | {p95(z) / 1000:.2f} | "
                f"{statistics.median(c) / 1000:.2f} | {p95(c) / 1000:.2f} | "
                f"{statistics.median(c) / statistics.median(z):.2f} | {per:.2f} |")
        say("")

    if shots:
        say(f"Screenshots: {len(shots)} (1170×2532 resized; QR versions 3–6; PNG, JPEG 90/60; "
            "some cut off at the edge). Share read (%) by module size in the saved file:\n")
        bins = [(0, 1.5), (1.5, 2.0), (2.0, 2.5), (2.5, 3.0), (3.0, 4.0), (4.0, 1e9)]
        names = ["< 1.5 px", "1.5–2", "2–2.5", "2.5–3", "3–4", "≥ 4 px"]
        say("| decoder | " + " | ".join(names) + " | cut off | all |")
        say("|---|" + "---|" * (len(names) + 2))
        whole = [m for m in shots if float(m["cropped"]) == 0]
        cut = [m for m in shots if float(m["cropped"]) > 0]
        for d in decoders:
            cells = []
            for lo, hi in bins:
                ids = [m["id"] for m in whole if lo <= float(m["px_per_module"]) < hi]
                cells.append(pct([int(results[d][i]["ok"]) for i in ids if i in results[d]]))
            cells.append(pct([int(results[d][m["id"]]["ok"]) for m in cut if m["id"] in results[d]]))
            cells.append(pct([int(results[d][m["id"]]["ok"]) for m in shots if m["id"] in results[d]]))
            say(f"| {d} | " + " | ".join(cells) + " |")
        say("")
        if "core" in results and "zxing-cpp" in results:
            agree, disagree = 0, []
            reasons = defaultdict(int)
            for m in shots:
                check = results["core"][m["id"]]["check"]
                readable = check == "readable"
                ref = results["zxing-cpp"][m["id"]]["ok"] == "1"
                if not readable:
                    # "unreadable:Readability { …, problem: TooSmall { px_per_module: 1.0 } }"
                    reason = check.split("problem: ")[-1].split(" ")[0].rstrip("}").strip() or check
                    reasons[reason] += 1
                if readable == ref:
                    agree += 1
                else:
                    disagree.append(f"{m['id']} {m['payload']} {m['px_per_module']} px/module "
                                    f"{m['saved']} cropped {m['cropped']}: check {check}, zxing-cpp {'read' if ref else 'no'}")
            say(f"采集码 readability check vs zxing-cpp on the screenshots: agrees on {agree} of "
                f"{len(shots)} ({100 * agree / len(shots):.1f} %).")
            if reasons:
                say("Reasons given for unreadable: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) + ".")
            for line in disagree[:20]:
                say(f"- disagrees: {line}")
            say("")
    text = "\n".join(lines)
    print(text)
    with open(f"{out}/report.md", "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
