package io.intelligencecrm.web.testing;

import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.ops.OperatorCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an operator command (as {@code ./crm COMMAND ...} would) against a running application's database. */
public final class OperatorCommand {
    private OperatorCommand() {
    }

    /** @param output what the command printed, standard output and errors together */
    public record Result(int status, String output) {
    }

    public static synchronized Result run(CrmApplication application, String command, String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setErr(captured);
        try {
            int status = OperatorCommands.run(command, List.of(args), application::settings, captured);
            return new Result(status, output.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }
}
