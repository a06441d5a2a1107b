package io.intelligencecrm.web;

import io.intelligencecrm.core.config.ConfigurationException;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.db.DatabaseStartException;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.web.ops.OperatorCommands;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Intelligence CRM from environment variables and stops it cleanly on SIGTERM or Ctrl-C; with
 * a command as first argument, runs that operator command (backup, restore, keys ...) instead.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            System.exit(OperatorCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        CrmApplication application;
        try {
            application = CrmApplication.start(Settings.fromEnvironment());
        } catch (ConfigurationException | DatabaseStartException e) {
            System.err.println("Intelligence CRM could not start.\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "crm-shutdown"));
        printWelcome(application);
    }

    private static void printWelcome(CrmApplication application) {
        StringBuilder text = new StringBuilder("\n  Intelligence CRM is running at ").append(application.url()).append('\n');
        if (application.settings().demoData()) {
            text.append("  Demo logins (tenant '").append(DemoData.SLUG).append("'):\n");
            for (DemoData.DemoLogin login : DemoData.LOGINS) {
                text.append(String.format("    %-8s %-22s password: %s%n", login.role().stored(), login.email(),
                        login.password()));
            }
        }
        text.append("  Stop with Ctrl-C.\n");
        log.info(text.toString());
    }
}
