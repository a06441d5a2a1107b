/** Embeddings, pgvector memory, document ingestion and retrieval. */
package io.intelligencecrm.knowledge;
