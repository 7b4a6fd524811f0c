# KDS in a container: `docker compose up -d` (compose.yaml) runs it with PostgreSQL and Caddy.
# The image holds only the production artifact: the server bundle, its migrations, the built
# apps and the server's runtime dependencies (`pnpm deploy --prod`).
FROM node:24-trixie-slim AS build
WORKDIR /src
RUN npm install -g pnpm@10.34.8
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @kds/server deploy --prod --legacy /out

FROM node:24-trixie-slim
# pg_dump / pg_restore for `kds backup` and the daily backup on PostgreSQL.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/kds
COPY --from=build /out .
RUN mkdir -p /var/lib/kds && chown node:node /var/lib/kds
USER node
ENV NODE_ENV=production \
  PORT=3000 \
  DATA_DIR=/var/lib/kds/db \
  BACKUP_DIR=/var/lib/kds/backups
VOLUME /var/lib/kds
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/opt/kds/dist/kds.js"]
CMD ["start"]
