package io.propertyimages.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every {@code ref} in a job XML names one of the application's {@code @Named} classes, as the server needs it to. */
class JobXmlRefsTest {
    private static final Path JOBS = Path.of("batch-jobs");
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyRefOfEveryJobIsANamedBatchArtifact() throws Exception {
        Map<String, Class<?>> artifacts = namedClasses();
        Set<String> unresolved = new TreeSet<>();
        int refs = 0;
        try (Stream<Path> jobs = Files.list(JOBS)) {
            for (Path job : jobs.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                NodeList elements = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(job.toFile())
                        .getElementsByTagName("*");
                for (int i = 0; i < elements.getLength(); i++) {
                    String ref = ((Element) elements.item(i)).getAttribute("ref");
                    if (!ref.isEmpty()) {
                        refs++;
                        if (!artifacts.containsKey(ref)) {
                            unresolved.add(job.getFileName() + ": " + ref);
                        }
                    }
                }
            }
        }
        assertTrue(refs > 0, "no ref found under " + JOBS.toAbsolutePath());
        assertEquals(Set.of(), unresolved, "refs without a @Named class; artifacts: " + artifacts.keySet());
    }

    /** The application's classes annotated {@code @Named}, by their bean name. */
    private static Map<String, Class<?>> namedClasses() throws Exception {
        Map<String, Class<?>> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String className = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, JobXmlRefsTest.class.getClassLoader());
                Named annotation = type.getAnnotation(Named.class);
                if (annotation != null) {
                    String name = annotation.value().isEmpty() ? Introspector.decapitalize(type.getSimpleName()) : annotation.value();
                    named.put(name, type);
                }
            }
        }
        return named;
    }
}
