# Multi-stage build: install and build once, ship only production dependencies and sources.
FROM node:20-bookworm-slim AS base
RUN npm i -g pnpm@10
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/metrics/package.json packages/metrics/
COPY packages/contract/package.json packages/contract/
COPY packages/charts/package.json packages/charts/

FROM base AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @yugang/web build && pnpm --filter @yugang/api build

FROM base AS prod-deps
RUN pnpm install --frozen-lockfile --prod

FROM node:20-bookworm-slim AS runtime
# The review's PDF is printed by Chromium and its chart PNGs need a CJK font (fonts-noto-cjk).
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
ENV NODE_ENV=production PORT=3000 YUGANG_DATA_DIR=/data YUGANG_WEB_DIST=/app/apps/web/dist
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=prod-deps /app/packages/metrics/node_modules ./packages/metrics/node_modules
COPY --from=prod-deps /app/packages/contract/node_modules ./packages/contract/node_modules
COPY --from=prod-deps /app/packages/charts/node_modules ./packages/charts/node_modules
COPY package.json pnpm-workspace.yaml ./
COPY packages/metrics ./packages/metrics
COPY packages/contract ./packages/contract
COPY packages/charts ./packages/charts
COPY apps/api ./apps/api
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/apps/api/dist ./apps/api/dist
RUN mkdir -p /data && chown node:node /data
USER node
WORKDIR /app/apps/api
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Compiled: no TypeScript compiler at run time. The CLI is `node dist/yg.js …` in this container.
CMD ["node", "dist/server.js"]
