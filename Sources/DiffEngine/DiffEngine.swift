public enum DiffEnginePlaceholder {}
