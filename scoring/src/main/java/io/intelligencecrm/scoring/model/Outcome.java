package io.intelligencecrm.scoring.model;

/**
 * How a lead ended. Won: the contact became a customer or has a won deal. Lost: the contact was
 * marked lost, or its deals were all lost with none won or still open. Everyone else is open.
 */
public enum Outcome {
    WON, LOST, OPEN;

    public boolean closed() {
        return this != OPEN;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
