#!/bin/bash
# usage: bench.sh NAME N CMD...   runs CMD N times (timeout 300), logs, prints times + loadavg
name=$1; n=$2; shift 2
ts=""
for i in $(seq 1 $n); do
  la=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f %e -o logs/$name.time.$i timeout 300 "$@" > logs/$name.out.$i 2> logs/$name.err.$i
  rc=$?
  t=$(tail -1 logs/$name.time.$i)
  ts="$ts $t(rc=$rc,load=$la)"
done
echo "$name:$ts" | tee -a logs/summary.txt
