package io.intelligencecrm.web.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a command's scratch folder (which may hold a plain database dump) when it is done. */
final class Deletion {
    private Deletion() {
    }

    static void tree(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }
}
