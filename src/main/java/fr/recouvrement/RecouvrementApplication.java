package fr.recouvrement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RecouvrementApplication {
  public static void main(String[] args) {
    SpringApplication.run(RecouvrementApplication.class, args);
  }
}
