package dev.eventshop.deployment.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as a list of instructions: comments and blank lines dropped, continuation lines joined, each
 * instruction's keyword upper-cased and its arguments as written.
 */
public record Dockerfile(List<Instruction> instructions) {

    /** One instruction, with the line it starts on. */
    public record Instruction(int line, String keyword, String arguments) {
    }

    public static Dockerfile ofRepository() {
        return read(RepositoryFiles.root().resolve("Dockerfile"));
    }

    public static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String instruction = current.toString().strip().replaceAll("\\s+", " ");
                int space = instruction.indexOf(' ');
                instructions.add(new Instruction(start, instruction.substring(0, space).toUpperCase(Locale.ROOT),
                        instruction.substring(space + 1)));
                current.setLength(0);
            }
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /** The instructions with this keyword, in order. */
    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage, its FROM included: what the image that runs is made of. */
    public List<Instruction> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }
}
