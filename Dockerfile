# The API image, used by docker-compose.yml for both the one-shot seed job (`npm run seed`)
# and the API (`npm start`; the image's own CMD runs `node … dist/src/main.js` directly, one process).
# With NEO4J_URI set, neither starts a local Neo4j, so no Java is needed here.

# Build the explorer (Vite) and the server's JavaScript (tsc): dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY tools/build-dist.js ./tools/
COPY explorer ./explorer
RUN npm run build:explorer
COPY src ./src
COPY bench/serve-ours.ts bench/serve-floor.ts bench/questions.ts ./bench/
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY tools/build-dist.js ./tools/
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
COPY --from=build /app/explorer/dist ./explorer/dist
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# The same command as `npm start` (tests/docker-compose.test.ts checks): a small young
# generation and a slowly growing heap keep the API near 140 MB at rest and under 180 MB at
# 16 clients, instead of about 190 and 385 MB (bench/README.md).
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/src/main.js"]
