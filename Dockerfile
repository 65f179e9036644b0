# The API image: used by docker-compose.yml for both the one-shot seed job
# (`npm run seed`) and the API (`npm start`), the same npm scripts the tests exercise.
# With NEO4J_URI set, neither starts a local Neo4j, so no Java is needed here.
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
USER node
EXPOSE 4000
CMD ["npm", "start"]
