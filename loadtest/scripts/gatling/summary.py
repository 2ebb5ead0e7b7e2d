#!/usr/bin/env python3
"""Prints the per-request statistics table of a Gatling HTML report (default: the newest under
loadtest/target/gatling): count, OK, KO, rate over the whole run, min/p50/p75/p95/p99/max/mean (ms).
   loadtest/scripts/gatling/summary.py [REPORT_DIR | SIMULATION_NAME_PREFIX]"""
import glob, html, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'target', 'gatling')
arg = sys.argv[1] if len(sys.argv) > 1 else ''
if arg and os.path.isdir(arg):
    d = arg
else:
    dirs = [p for p in glob.glob(os.path.join(root, (arg.lower() or '') + '*')) if os.path.isdir(p)]
    d = max(dirs, key=os.path.getmtime)
t = open(os.path.join(d, 'index.html'), encoding='utf-8').read()
m = re.search(r'Duration:\s*</[^>]+>\s*<[^>]+>([^<]+)<', t)
print(os.path.basename(d), '| run duration', m.group(1).strip() if m else '?')
print('%-28s %8s %8s %6s %8s %5s %5s %5s %5s %5s %6s %5s' % ('request', 'count', 'OK', 'KO', 'per s', 'min', 'p50', 'p75', 'p95', 'p99', 'max', 'mean'))
for row in re.finditer(r'<tr id="([^"]+)" data-parent="[^"]*">(.*?)</tr>', t, re.S):
    body = row.group(2)
    name = re.search(r'class="ellipsed-name">([^<]*)<', body)
    vals = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', body))
    if not name or not vals:
        continue
    g = lambda k: vals.get(str(k), '-')
    print('%-28s %8s %8s %6s %8s %5s %5s %5s %5s %5s %6s %5s' % (html.unescape(name.group(1))[:28], g(2), g(3), g(4), g(6), g(7), g(8), g(9), g(10), g(11), g(12), g(13)))
