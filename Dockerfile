# The API image, used by docker-compose.yml for both the one-shot seed job (`npm run seed`)
# and the API (`npm start`) — the same npm scripts the tests exercise. With NEO4J_URI set,
# neither starts a local Neo4j, so no Java is needed here.

# Build the explorer (Vite is a dev dependency).
FROM node:22-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY explorer ./explorer
RUN npm run build:explorer

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
COPY --from=explorer /app/explorer/dist ./explorer/dist
USER node
EXPOSE 4000
CMD ["npm", "start"]
