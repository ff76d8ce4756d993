"""Treaty rules as code: alliance specs and the rules that read them."""
