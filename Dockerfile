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
# The same command as `npm start` (tests/docker-compose.test.ts checks): a 4 MB semi-space
# keeps the young generation small (API RSS at rest about 135 MB instead of 185 MB).
CMD ["node", "--max-semi-space-size=4", "dist/src/main.js"]
