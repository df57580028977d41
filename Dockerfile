# syntax=docker/dockerfile:1
# One image for every service and tool (docs/deploy.md). The command picks what runs:
#   docker run IMAGE ingress-web | message-processor | egress-web | standalone | setup | migrate | kafka-topics | kb-ingest | dlq list
# Each is an esbuild bundle (dist/<name>/main.js, sharing dist/chunks/) started by dist/start.js; dist/node_modules holds
# the only packages loaded at run time (PGlite for the embedded standalone mode, chart.js for the ops dashboard).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: install the workspace exactly as locked, bundle every entry point -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY . .
# Scripts are not needed to bundle (esbuild and swc ship their binaries as optional platform packages); the offline
# embedding model is fetched on its own (scripts/fetch-embedding-model.mjs, pinned by SHA-256).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
 && node scripts/fetch-embedding-model.mjs \
 && npm run build:services

# ---- runtime: Node, the bundles and the files they read; read-only, non-root ----------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    LOG_PRETTY=false \
    DATA_DIR=/data
WORKDIR /app
# dist/ must sit beside the folders the services read, as in the repository: they find them relative to themselves.
COPY --from=build /src/dist ./dist
COPY database/migrations ./database/migrations
COPY web-form/public ./web-form/public
COPY services/ops-api/public ./services/ops-api/public
COPY knowledge-base ./knowledge-base
# Word vectors for the offline search (5.4 MB, libs/knowledge/src/search/word-vectors.ts) and the offline embedding
# model (bge-small-en-v1.5, 35 MB, libs/knowledge/src/embeddings/onnx.embedder.ts).
COPY libs/knowledge/data ./libs/knowledge/data
COPY --from=build /src/libs/knowledge/models ./libs/knowledge/models
# Everything above stays root-owned and read-only for the service user; only the embedded mode's data dir is writable.
RUN mkdir -p /data && chown 1000:1000 /data
# Numeric, so Kubernetes can verify runAsNonRoot (uid 1000 is the base image's "node" user).
USER 1000:1000
EXPOSE 3000 3100 3101 3102 3103 3104 3105 3106 3107
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
ENTRYPOINT ["node", "dist/start.js"]
CMD ["standalone"]
