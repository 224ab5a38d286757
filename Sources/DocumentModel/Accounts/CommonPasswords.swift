/// The passwords attackers try first, from the published lists of leaked passwords (those of twelve characters or
/// more, lower-cased), and the words that the shorter ones are made of, which people pad with digits to reach a
/// length rule (`password2024!`).
enum CommonPasswords {
    static let all: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011", "111111111111",
        "000000000000", "123123123123", "121212121212", "112233445566", "123412341234", "147258369147",
        "qwertyuiop12", "qwerty123456", "qwertyuiopas", "1qaz2wsx3edc", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
        "zaq12wsxcde3", "asdfghjkl123", "password1234", "password123!", "passw0rd1234", "p@ssw0rd1234",
        "p@ssword1234", "password12345", "iloveyou1234", "iloveyouforever", "letmein12345", "welcome12345",
        "changeme1234", "administrator", "admin1234567", "football1234", "baseball1234", "superman1234",
        "trustno1trustno1", "sunshine1234", "princess1234", "starwars1234", "whatever1234", "dragon123456",
        "monkey123456", "master123456", "michael12345", "jennifer1234", "computer1234", "internet1234",
        "samsung12345", "abcdefghijkl", "abc123456789", "aaaaaaaaaaaa", "qwertyqwerty", "passwordpassword",
        "correcthorsebatterystaple", "mypassword123", "secretpassword", "passwordsecure", "strongpassword",
        "newpassword123", "thisismypassword", "letmeinplease", "welcometothejungle", "youwillneverguess",
    ]

    /// Words that make up most short leaked passwords.
    static let words: Set<String> = [
        "password", "passw", "pass", "passwort", "motdepasse", "lozinka", "fjalekalimi", "qwerty", "azerty",
        "qwertz", "asdf", "asdfgh", "zxcvbn", "letmein", "welcome", "iloveyou", "admin", "administrator", "root",
        "user", "login", "secret", "changeme", "default", "guest", "test", "master", "dragon", "monkey", "shadow",
        "sunshine", "princess", "football", "baseball", "soccer", "hockey", "superman", "batman", "starwars",
        "trustno", "whatever", "freedom", "hello", "charlie", "michael", "jennifer", "jordan", "computer",
        "internet", "samsung", "google", "facebook", "summer", "winter", "spring", "autumn", "love", "flower",
        "killer", "pokemon", "ninja", "mustang", "access", "abc", "abcdef", "strategy", "unicef", "children",
    ]

    /// Runs along a keyboard row, the alphabet and the digits: any stretch of one is refused.
    static let runs: [String] = [
        "1234567890", "0987654321", "qwertyuiop", "poiuytrewq", "asdfghjkl", "lkjhgfdsa", "zxcvbnm", "mnbvcxz",
        "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba", "1234567890qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    ]
}
