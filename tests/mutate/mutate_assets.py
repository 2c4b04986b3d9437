#!/usr/bin/env python3
"""Damage the data files one defect at a time and check that lumbarlab notices.

Copies assets/ to a temporary folder, applies one mutation (a number set to 0, negative, 1e308,
the text 1e999, a "NaN" string, a wrong type, a deleted key, a duplicated id, a truncated file),
runs the commands that read the damaged file (pose, muscles, discs, render) with LUMBARLAB_ASSET_DIR
pointing at the copy, and classifies every run:

  crash         killed by a signal, or a sanitizer report
  hang          still running after the time limit
  wrong-output  exit 0, but the output holds NaN, inf, null or an absurd number (|x| > 1e6)
  unnamed       failed, but the message does not name the damaged file (or is not one line)
  good-error    failed with one line naming the damaged file
  accepted      exit 0 with sane output (the damage left a valid file, e.g. a value set to 0 that may be 0)

Usage:
  tests/mutate/mutate_assets.py --exe build/src/app/lumbarlab            # the full set
  tests/mutate/mutate_assets.py --exe ... --sample 40 --seed 1           # a quick sample (CTest)
Exit status: 0 when there is no crash, hang, wrong-output or unnamed run; 1 otherwise.
"""

import argparse
import concurrent.futures
import copy
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Which commands read which file (relative to the asset folder). Files no command reads
# (evidence.json, posture_keys.json: the viewer's) are covered by the unit tests and the fuzzers.
READERS = {
    "anatomy/coordinates.json": ["pose", "discs", "muscles"],
    "anatomy/body.json": ["pose", "discs", "render"],
    "anatomy/bone_info.json": ["render"],
    "biomech/disc_model.json": ["discs", "render"],
    "biomech/passive_muscle.json": ["tight"],
    "muscles/muscles.json": ["muscles", "render"],
    "references.json": ["render"],
}
POSE_READERS = ["pose", "discs", "muscles"]
COMMANDS = {
    "pose": ["pose", "--pose", "sitting_relaxed", "--format", "json"],
    "discs": ["discs", "--pose", "jefferson_curl", "--load-kg", "10", "--format", "json"],
    "muscles": ["muscles", "--pose", "walking", "--time", "0.3", "--format", "json"],
    "render": ["render", "--width", "48", "--height", "48", "--pressure", "--samples", "1"],
    "tight": ["discs", "--tight", "hip_flexors=10", "--format", "json"],
}
ABSURD = 1e6


def readers_of(rel):
    if rel.startswith("poses/"):
        return POSE_READERS
    return READERS.get(rel, [])


def leaves(node, pointer=""):
    """(pointer, value) for every leaf and every object member, depth first."""
    if isinstance(node, dict):
        for k, v in node.items():
            p = pointer + "/" + k.replace("~", "~0").replace("/", "~1")
            yield p, v
            yield from leaves(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            p = f"{pointer}/{i}"
            yield p, v
            yield from leaves(v, p)


def tokens(pointer):
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def parent_and_key(doc, pointer):
    node = doc
    toks = tokens(pointer)
    for t in toks[:-1]:
        node = node[int(t)] if isinstance(node, list) else node[t]
    last = toks[-1]
    return node, (int(last) if isinstance(node, list) else last)


RAW_MARK = "__LUMBARLAB_RAW__"


def mutations(rel, text):
    """Every mutation of one file: (kind, pointer or '', function from text to damaged text)."""
    doc = json.loads(text)
    out = []

    def set_value(pointer, value, raw=None):
        def apply(_text):
            d = copy.deepcopy(doc)
            parent, key = parent_and_key(d, pointer)
            parent[key] = RAW_MARK if raw is not None else value
            dumped = json.dumps(d, indent=2)
            return dumped.replace(json.dumps(RAW_MARK), raw) if raw is not None else dumped
        return apply

    def delete(pointer):
        def apply(_text):
            d = copy.deepcopy(doc)
            parent, key = parent_and_key(d, pointer)
            del parent[key]
            return json.dumps(d, indent=2)
        return apply

    for pointer, value in leaves(doc):
        if isinstance(value, bool):
            out.append(("wrong-type", pointer, set_value(pointer, "yes")))
        elif isinstance(value, (int, float)):
            out.append(("zero", pointer, set_value(pointer, 0)))
            out.append(("negative", pointer, set_value(pointer, -abs(value) if value else -1)))
            out.append(("huge", pointer, set_value(pointer, 1e308)))
            out.append(("overflow", pointer, set_value(pointer, None, raw="1e999")))
            out.append(("nan-string", pointer, set_value(pointer, "NaN")))
            out.append(("wrong-type", pointer, set_value(pointer, [1, 2])))
        elif isinstance(value, str):
            out.append(("wrong-type", pointer, set_value(pointer, 7)))
        if not pointer.endswith("/description"):
            parent, key = parent_and_key(doc, pointer)
            if isinstance(parent, dict):
                out.append(("deleted-key", pointer, delete(pointer)))
    # Duplicated ids: a list element with an "id" (a muscle) or a fascicle copied next to itself.
    for pointer, value in leaves(doc):
        if isinstance(value, list) and value and isinstance(value[0], dict) and "id" in value[0]:
            def dup(_text, pointer=pointer):
                d = copy.deepcopy(doc)
                parent, key = parent_and_key(d, pointer)
                parent[key].append(copy.deepcopy(parent[key][0]))
                return json.dumps(d, indent=2)
            out.append(("duplicate-id", pointer, dup))
    for fraction in (0.2, 0.5, 0.9):
        out.append(("truncated", "", lambda t, f=fraction: t[: int(len(t) * f)]))
    return out


def classify(proc_result, rel_names, command):
    rc, stdout, stderr, timed_out = proc_result
    if timed_out:
        return "hang"
    if rc < 0 or "AddressSanitizer" in stderr or "runtime error:" in stderr:
        return "crash"
    if rc == 0:
        if re.search(r"\b(nan|NaN|inf|Infinity|null)\b", stdout):
            return "wrong-output"
        if command == "render":  # "wrote out.png (48x48, ..., 123456 triangles, ...)": no data numbers
            return "accepted"
        for number in re.findall(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", stdout):
            try:
                if abs(float(number)) > ABSURD:
                    return "wrong-output"
            except ValueError:
                pass
        return "accepted"
    lines = [line for line in stderr.splitlines() if line.strip()]
    if len(lines) != 1 or not any(name in lines[0] for name in rel_names):
        return "unnamed"
    return "good-error"


def run_one(exe, asset_dir, command, timeout, workdir):
    args = [exe] + COMMANDS[command]
    if command == "render":
        args += ["--out", str(Path(workdir) / "out.png")]
    env = dict(os.environ, LUMBARLAB_ASSET_DIR=str(asset_dir))
    try:
        p = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, cwd=workdir)
        return p.returncode, p.stdout, p.stderr, False
    except subprocess.TimeoutExpired:
        return 0, "", "", True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", required=True, help="the lumbarlab executable")
    ap.add_argument("--assets", default=str(Path(__file__).resolve().parents[2] / "assets"))
    ap.add_argument("--sample", type=int, default=0, help="run only this many mutations, chosen at random")
    ap.add_argument("--per-kind", type=int, default=0,
                    help="at most this many mutations of each kind per file (0: all), chosen at random")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--commands", default="pose,discs,muscles,render,tight")
    ap.add_argument("--verbose", action="store_true", help="print every run, not only the bad ones")
    args = ap.parse_args()

    exe = str(Path(args.exe).resolve())
    assets = Path(args.assets).resolve()
    wanted = set(args.commands.split(","))
    rng = random.Random(args.seed)

    cases = []  # (rel, kind, pointer, apply)
    for path in sorted(assets.rglob("*.json")):
        rel = path.relative_to(assets).as_posix()
        if not readers_of(rel):
            continue
        text = path.read_text()
        per_file = mutations(rel, text)
        if args.per_kind:
            by_kind = {}
            for m in per_file:
                by_kind.setdefault(m[0], []).append(m)
            per_file = [m for ms in by_kind.values() for m in rng.sample(ms, min(args.per_kind, len(ms)))]
        cases += [(rel,) + m for m in per_file]
        if rel == "poses/walking.json":
            # Two files with one id: the copy must be refused, naming both files.
            cases.append(("poses/zz_copy_of_walking.json", "duplicate-id", "/id", lambda t, text=text: text))
    if args.sample:
        cases = rng.sample(cases, min(args.sample, len(cases)))

    counts = {}
    bad = []
    tmp_root = Path(tempfile.mkdtemp(prefix="lumbarlab-mutate-"))

    def run_case(index, case):
        rel, kind, pointer, apply = case
        folder = tmp_root / f"case{index}"
        asset_copy = folder / "assets"
        shutil.copytree(assets, asset_copy)
        source = assets / rel if (assets / rel).exists() else assets / "poses/walking.json"
        (asset_copy / rel).write_text(apply(source.read_text()))
        names = [str(asset_copy / rel), rel]
        if kind == "duplicate-id" and rel.startswith("poses/zz_"):
            names.append("poses/walking.json")
        results = []
        commands = [c for c in (readers_of(rel) if not rel.startswith("poses/zz_") else POSE_READERS) if c in wanted]
        for command in commands:
            outcome = run_one(exe, asset_copy, command, args.timeout, folder)
            results.append((command, classify(outcome, names, command), outcome))
        shutil.rmtree(folder, ignore_errors=True)
        return case, results

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_case, i, c) for i, c in enumerate(cases)]
            for future in concurrent.futures.as_completed(futures):
                (rel, kind, pointer, _), results = future.result()
                for command, verdict, (rc, stdout, stderr, _) in results:
                    counts[verdict] = counts.get(verdict, 0) + 1
                    line = f"{verdict:12} {command:8} {rel} {kind} {pointer}"
                    if verdict in ("crash", "hang", "wrong-output", "unnamed"):
                        detail = stderr.strip().splitlines()[-3:] if stderr.strip() else [stdout[-300:]]
                        bad.append(line + "\n      rc=" + str(rc) + ": " + " | ".join(detail))
                    elif args.verbose:
                        print(line + ("  -> " + stderr.strip() if stderr.strip() else ""))
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)

    for line in sorted(bad):
        print(line)
    runs = sum(counts.values())
    print(f"{len(cases)} mutations, {runs} runs: " +
          ", ".join(f"{k} {counts.get(k, 0)}" for k in
                    ("crash", "hang", "wrong-output", "unnamed", "good-error", "accepted")))
    return 1 if any(counts.get(k, 0) for k in ("crash", "hang", "wrong-output", "unnamed")) else 0


if __name__ == "__main__":
    sys.exit(main())
