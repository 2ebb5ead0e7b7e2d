#!/usr/bin/env python3
"""Summarise a JFR recording's CPU samples (jdk.ExecutionSample + jdk.NativeMethodSample) per thread
group: top self frames and top inclusive frames. Usage: jfr-top.py FILE.jfr [THREAD_SUBSTRING] [N]"""
import json, subprocess, sys, collections
f = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else ''
n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '96', '--events',
                      'jdk.ExecutionSample,jdk.NativeMethodSample', f], capture_output=True, text=True, check=True).stdout
events = json.loads(out)['recording']['events']
self_c, incl_c, threads = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
kinds = collections.Counter()
def name(fr):
    m = fr['method']
    return m['type']['name'] + '.' + m['name']
for e in events:
    v = e['values']
    t = (v.get('sampledThread') or {}).get('javaName') or (v.get('sampledThread') or {}).get('osName') or '?'
    threads[t] += 1
    if thread not in t:
        continue
    frames = (v.get('stackTrace') or {}).get('frames') or []
    if not frames:
        continue
    total += 1
    kinds[e['type']] += 1
    self_c[name(frames[0])] += 1
    for fr in set(name(x) for x in frames):
        incl_c[fr] += 1
print('samples by thread:', ', '.join(f'{k} {c}' for k, c in threads.most_common(8)))
print(f'samples in threads matching "{thread}": {total} ({dict(kinds)})')
print('\nTOP SELF (leaf frame)')
for k, c in self_c.most_common(n):
    print(f'{100*c/total:5.1f}%  {k}')
print('\nTOP INCLUSIVE')
for k, c in incl_c.most_common(n * 2):
    print(f'{100*c/total:5.1f}%  {k}')
