// Jest stands this in for imported .css files.
export default {};
