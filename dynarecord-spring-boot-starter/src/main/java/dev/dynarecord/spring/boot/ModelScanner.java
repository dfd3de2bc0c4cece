package dev.dynarecord.spring.boot;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Finds the concrete subclasses of {@link Model} in packages, with Spring's classpath scanning. */
final class ModelScanner {

    private ModelScanner() {
    }

    /**
     * @param packages package names, each searched with its subpackages
     * @return the model classes, sorted by name, each once
     * @throws ConfigurationException when a package name is blank
     */
    @SuppressWarnings("unchecked")
    static List<Class<? extends Model<?>>> scan(List<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Model.class));
        Set<Class<? extends Model<?>>> found = new LinkedHashSet<>();
        for (String name : packages) {
            if (name == null || name.isBlank()) {
                throw new InvalidPropertyException("dynarecord.models.packages", "'" + packages + "'",
                        new ConfigurationException("a package name is empty; list packages such as com.example.model, comma-separated"));
            }
            for (BeanDefinition candidate : scanner.findCandidateComponents(name.trim())) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ModelScanner.class.getClassLoader());
                found.add((Class<? extends Model<?>>) type);
            }
        }
        List<Class<? extends Model<?>>> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Class::getName));
        return List.copyOf(sorted);
    }
}
