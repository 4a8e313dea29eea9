package dev.forewarn.nativebuild;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The driver's public options ({@code --initialize-at-run-time=…}, {@code --no-fallback}, {@code -march=…},
 * {@code --add-opens …}) translated into the builder's hosted options ({@code -H:ClassInitialization=…:run_time}, …).
 *
 * <p>The table is not written here: it is read from the {@code @APIOption} annotations on the builder's own option
 * fields (in the svm jar), so it is exactly the one of the builder version in use. Only annotations are read; no option
 * class is initialised. The value transformers the annotations name (for instance the one appending
 * {@code :run_time}) are small functions of the builder and are applied as they are.
 */
public final class ApiOptions {
    private static final String API_OPTION = "com.oracle.svm.core.option.APIOption";

    /** One spelling of one public option. */
    record Spec(String spelling, String hostedName, boolean bool, boolean negated, List<Character> separators,
            String fixedValue, String defaultValue, Function<Object, Object> transformer) {
    }

    private final List<Spec> specs;

    ApiOptions(List<Spec> specs) {
        this.specs = specs;
    }

    /** Reads the table from the builder jars (classes loaded, never initialised, by {@code loader}). */
    public static ApiOptions load(List<java.nio.file.Path> builderJars, ClassLoader loader) throws Exception {
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> api = (Class<? extends Annotation>) Class.forName(API_OPTION, false, loader);
        List<Spec> specs = new ArrayList<>();
        for (java.nio.file.Path jar : builderJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (!name.endsWith(".class") || name.endsWith("module-info.class")
                            || !mentions(zip, name, "Lcom/oracle/svm/core/option/APIOption")) {
                        continue;
                    }
                    Class<?> holder = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    for (Field f : holder.getDeclaredFields()) {
                        for (Annotation a : f.getAnnotationsByType(api)) {
                            specs.addAll(specsOf(f, a, loader));
                        }
                    }
                }
            }
        }
        return new ApiOptions(specs);
    }

    private static boolean mentions(ZipFile zip, String entry, String text) throws java.io.IOException {
        try (var in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        }
    }

    private static List<Spec> specsOf(Field field, Annotation a, ClassLoader loader) throws Exception {
        String hostedName = field.getName();
        boolean bool = field.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Boolean.class;
        boolean negated = "Negated".equals(String.valueOf(attr(a, "kind")));
        List<Character> separators = new ArrayList<>();
        for (char c : (char[]) attr(a, "valueSeparator")) {
            separators.add(c);
        }
        String fixed = first((String[]) attr(a, "fixedValue"));
        String dflt = first((String[]) attr(a, "defaultValue"));
        Function<Object, Object> transformer = null;
        for (Class<?> t : (Class<?>[]) attr(a, "valueTransformer")) {
            if (!t.getSimpleName().equals("DefaultTransformer")) {
                @SuppressWarnings("unchecked")
                Function<Object, Object> fn = (Function<Object, Object>) instantiate(t);
                transformer = fn;
            }
        }
        // Options in a group ("--gc=serial") are spelled "--<group>=<name>".
        Class<?> group = (Class<?>) attr(a, "group");
        String groupName = group.getSimpleName().equals("NullGroup") ? null
                : (String) group.getMethod("name").invoke(instantiate(group));
        List<Spec> result = new ArrayList<>();
        for (String name : (String[]) attr(a, "name")) {
            String spelling = groupName != null ? "--" + groupName + "=" + name
                    : name.startsWith("-") ? name : "--" + name;
            result.add(new Spec(spelling, hostedName, bool, negated, separators, fixed, dflt, transformer));
        }
        return result;
    }

    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        var ctor = type.getDeclaredConstructor();
        ctor.setAccessible(true);
        return ctor.newInstance();
    }

    private static Object attr(Annotation a, String name) throws ReflectiveOperationException {
        Method m = a.annotationType().getMethod(name);
        try {
            return m.invoke(a);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading @APIOption." + name, e.getCause());
        }
    }

    private static String first(String[] values) {
        return values.length == 0 ? null : values[0];
    }

    /**
     * Translates the option at the head of {@code args} (consuming it, and its value where the value is the next
     * argument) into a hosted option; returns null, consuming nothing, when it is no public option.
     */
    public String translate(Deque<String> args) {
        String arg = args.peekFirst();
        for (Spec s : specs) {
            String value;
            boolean takesNext = false;
            if (arg.equals(s.spelling())) {
                if (s.fixedValue() == null && !s.bool() && s.separators().contains(' ')) {
                    takesNext = true;
                    value = null;
                } else {
                    value = s.fixedValue() != null ? s.fixedValue() : s.defaultValue();
                }
            } else if (arg.startsWith(s.spelling()) && !s.bool() && s.fixedValue() == null) {
                String rest = arg.substring(s.spelling().length());
                char sep = rest.charAt(0);
                if (s.separators().contains(sep) && sep != ' ') {
                    value = rest.substring(1);
                } else if (s.separators().contains('\0')) {
                    value = rest;
                } else {
                    continue;
                }
            } else {
                continue;
            }
            args.pollFirst();
            if (takesNext) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args.pollFirst();
            }
            if (s.bool()) {
                return "-H:" + (s.negated() ? "-" : "+") + s.hostedName();
            }
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            Object v = s.transformer() == null ? value : s.transformer().apply(value);
            return "-H:" + s.hostedName() + "=" + v;
        }
        return null;
    }
}
