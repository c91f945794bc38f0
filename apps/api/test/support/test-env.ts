export const TEMPLATE_DATABASE = 'jxt_test_template';
