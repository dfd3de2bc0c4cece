package dev.dynarecord.spring.boot.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example service: authors and their notes over REST, on the embedded engine
 * ({@code application.properties} beside it). Run it with
 * {@code mvn -q -pl dynarecord-spring-boot-starter -am test-compile exec:exec}, then
 * {@code curl -X POST localhost:8080/authors -H 'Content-Type: application/json' -d '{"name":"Ann"}'}.
 */
@SpringBootApplication
public class ExampleApplication {

    /** @param args Spring Boot's arguments, such as {@code --server.port=9090} */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
