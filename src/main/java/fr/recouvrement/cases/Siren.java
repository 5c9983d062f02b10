package fr.recouvrement.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIREN: 9 digits whose Luhn key is valid. Null means "not given". */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Siren.Validator.class)
public @interface Siren {
  String message() default "must be a SIREN of 9 digits with a valid check key";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Siren, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isValidSiren(value);
    }

    public static boolean isValidSiren(String value) {
      if (value.length() != 9 || !value.chars().allMatch(Character::isDigit)) {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        int digit = value.charAt(8 - i) - '0';
        if (i % 2 == 1) {
          digit *= 2;
          if (digit > 9) {
            digit -= 9;
          }
        }
        sum += digit;
      }
      return sum % 10 == 0;
    }
  }
}
