package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.paknhub.core.messages.CanonicalMessages;

/**
 * {@code java -jar pakn-hub.jar check [routes] [mappings]}: the start-up check of connector files, run
 * offline in an integrator's CI with the hub's own jar. Plain Java on purpose: no Spring context, no web
 * server, no Camel, no database, so it runs in a second on a build machine that has none of them, and
 * checks exactly what the hub of that version would load.
 *
 * <p>Output: one line per problem ({@code file:line: what is wrong (the fix)}), then a summary. Exit 0
 * when every file is sound, 1 on any problem, 2 when the command itself is misused.
 * {@code check --schema} prints the JSON Schema of connector files (schemas/connector-file.schema.json).
 */
public final class ConnectorCheckCommand {

    public static final String NAME = "check";

    private ConnectorCheckCommand() {
    }

    /** Whether these arguments ask for the offline check rather than the hub. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args.isEmpty() || !NAME.equals(args.get(0)) ? args : args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(usage());
            return 0;
        }
        if (rest.contains("--schema")) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ConnectorFileSchema.of(ConnectorTemplates.shipped())));
                return 0;
            } catch (IOException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (rest.size() > 2 || rest.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println(usage());
            return 2;
        }
        Path routes = Path.of(rest.size() > 0 ? rest.get(0) : "routes");
        Path mappings = Path.of(rest.size() > 1 ? rest.get(1) : "mappings");
        if (!Files.isDirectory(routes) || !Files.isDirectory(mappings)) {
            err.println("Không thấy thư mục / no such directory: " + (Files.isDirectory(routes) ? mappings : routes));
            err.println(usage());
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        ConnectorFileCheck check = new ConnectorFileCheck(json, new CanonicalXml(new CanonicalMessages(), json));
        List<Path> files;
        List<String> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(routes)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            err.println(routes + ": " + e.getMessage());
            return 2;
        }
        for (Path file : files) {
            problems.addAll(check.check(file, mappings));
        }
        // a mappings folder no connector file names is never loaded: usually a file renamed on one side only
        List<String> systems = files.stream().map(ConnectorFileCheck::systemOf).toList();
        try (Stream<Path> dirs = Files.list(mappings)) {
            dirs.filter(Files::isDirectory).sorted().filter(d -> !systems.contains(d.getFileName().toString()))
                    .forEach(d -> problems.add(d + ": no " + routes.resolve(d.getFileName() + ".yaml")
                            + " names these mappings (write it, or rename the folder after its connector file)"));
        } catch (IOException e) {
            err.println(mappings + ": " + e.getMessage());
            return 2;
        }
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("Đạt: " + files.size() + " tệp kết nối, không có lỗi / OK: " + files.size()
                    + " connector files, no problem");
            return 0;
        }
        out.println("Không đạt: " + problems.size() + " lỗi trong " + files.size() + " tệp kết nối / FAILED: "
                + problems.size() + " problem(s) in " + files.size() + " connector files");
        return 1;
    }

    static String usage() {
        return """
                Kiểm tra tệp kết nối khi không chạy hub / check connector files without running a hub:
                  java -jar pakn-hub.jar check [routes-dir] [mappings-dir]   (defaults: routes mappings)
                  java -jar pakn-hub.jar check --schema                      (the JSON Schema of connector files)
                Exit 0: every file is sound; 1: problems, one line each (file:line: problem (fix)); 2: usage.""";
    }
}
