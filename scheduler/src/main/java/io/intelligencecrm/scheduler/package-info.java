/** Quartz on PostgreSQL and the workflow engine: triggers, steps, runs. */
package io.intelligencecrm.scheduler;
