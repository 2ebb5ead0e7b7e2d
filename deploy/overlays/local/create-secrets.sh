#!/bin/sh
# Creates the two Secrets the local overlay references, with fresh random values, unless they
# exist. Nothing is written to disk. Usage: deploy/overlays/local/create-secrets.sh [namespace]
# Production: create them from values you keep in your secret store (docs/OPERATIONS.md).
set -eu
ns=${1:-ccsfront-local}
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
if ! kubectl -n "$ns" get secret ccsfront-master-key >/dev/null 2>&1; then
  # 32 random bytes, base64: the cluster master key that seals every private key
  kubectl -n "$ns" create secret generic ccsfront-master-key \
    --from-literal=master.key="$(head -c 32 /dev/urandom | base64)"
fi
if ! kubectl -n "$ns" get secret ccsfront-admin-token >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic ccsfront-admin-token \
    --from-literal=token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
fi
echo "admin token: kubectl -n $ns get secret ccsfront-admin-token -o jsonpath='{.data.token}' | base64 -d"
