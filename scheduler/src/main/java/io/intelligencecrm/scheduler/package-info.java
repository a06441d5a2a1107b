/** Scheduled workflows, outbox dispatch and mail. */
package io.intelligencecrm.scheduler;
