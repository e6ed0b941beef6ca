"""Per-stage extraction throughput (CPU time, best of 7) on the dev articles.

    PYTHONPATH=src python bench/stage_speed.py
"""
import time
from pathlib import Path
from tradelink.extract import commodities, policies, links, timex, questions, metadata, entities, attribution
from tradelink.extract.segment import segment
from tradelink.models import normalise_text, ArticleMeta
ts=[normalise_text(p.read_text()) for p in sorted(Path('/work/shared/dev/articles').glob('*.txt'))]
size=sum(map(len,ts))
pre=[]
for t in ts:
    d=segment(t); a=entities.find(d); i=metadata.read(d,ArticleMeta()); tm=timex.find(d,i['published']); g=commodities.find(d); st=attribution.find(d,a,tm); pre.append((t,a,st,i,tm,g))
def best(f, reps=7):
    r=[]
    for _ in range(reps):
        c=time.process_time(); f(); r.append(time.process_time()-c)
    return min(r)
res={}
res['segment']=best(lambda: [segment(t) for t,*_ in pre])
docs=[segment(t) for t,*_ in pre]
res['metadata']=best(lambda: [metadata.read(d,ArticleMeta()) for d in docs])
res['timex']=best(lambda: [timex.find(d,x[3]['published']) for d,x in zip(docs,pre)])
res['commodities']=best(lambda: [commodities.find(d) for d in docs])
res['questions']=best(lambda: [questions.find(d) for d in docs])
def pol():
    for d,x in zip(docs,pre): d.cache.clear(); policies.find(d,x[1],x[5],x[4])
res['policies']=best(pol)
pols=[]
for d,x in zip(docs,pre): d.cache.clear(); pols.append(policies.find(d,x[1],x[5],x[4]))
res['links']=best(lambda: [links.find(d,x[1],x[5],p,x[2]) for d,x,p in zip(docs,pre,pols)])
res['entities']=best(lambda: [entities.find(d) for d in docs])
res['attribution']=best(lambda: [attribution.find(d,x[1],x[4]) for d,x in zip(docs,pre)])
for k,v in res.items(): print(f"{k:12} {size/1e6/v:8.2f} MB/s")
mine=sum(v for k,v in res.items() if k not in ('entities','attribution'))
print(f"{'MINE':12} {size/1e6/mine:8.2f} MB/s   ALL {size/1e6/sum(res.values()):.2f} MB/s")
