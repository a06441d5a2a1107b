/** Agent scenarios scored on the database end state. */
package io.intelligencecrm.evals;
