package io.intelligencecrm.scheduler.engine;

/** Carries out one type of workflow step. Throwing retries the step with backoff (a CrmException fails the run). */
public interface StepAction {
    String type();

    StepResult run(StepContext context);
}
