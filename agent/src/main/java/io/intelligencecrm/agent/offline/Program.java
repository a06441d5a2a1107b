package io.intelligencecrm.agent.offline;

import java.util.List;
import java.util.Optional;

/** Everything one message asks for, in the order it was said. */
record Program(List<Part> parts) {

    Program {
        parts = List.copyOf(parts);
    }

    static Program of(Part part) {
        return new Program(List.of(part));
    }

    static Program say(String text) {
        return of(new Part.Say(text));
    }

    /** The question this program stops at, if any (the first one). */
    Optional<Part.Question> question() {
        return parts.stream().filter(Part.Question.class::isInstance).map(Part.Question.class::cast).findFirst();
    }
}
